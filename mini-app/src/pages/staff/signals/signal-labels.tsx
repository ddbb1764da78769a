import {
  type LabelCorrection,
  type MessageKind,
  messageKinds,
  type Sentiment,
  type Signal,
  sentiments,
  type Toxicity,
  toxicities,
} from "@loa-phuong/shared";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { correctSignalLabels } from "../../../services/staff-api";
import { fetchOpinionThemes } from "../../../services/staff-opinion-themes-api";
import { useStaff } from "../../../state/staff-session";
import { messageKindLabels, sentimentLabels, toxicityLabels } from "../../../utils/staff-labels";

/** "Máy đọc" or "Cán bộ sửa": who gave a label, as the officer needs to know whether to trust it. */
const sourceLabel = (source: string | undefined) => (source === "staff" ? "cán bộ đã sửa" : "máy đọc");

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * What the opinion models read in the resident's words (feeling, whether the words are fit to show,
 * what the message does and its themes), with who gave each label; "Sửa nhãn" lets the officer set it
 * right, which the labellers and the next training learn from.
 */
export function SignalLabels({ signal, onChanged }: { signal: Signal; onChanged(signal: Signal): void }) {
  const { withStaffToken } = useStaff();
  const [isEditing, setEditing] = useState(false);
  const labels = signal.labels;
  const [sentiment, setSentiment] = useState<Sentiment | "">(labels?.sentiment ?? "");
  const [toxicity, setToxicity] = useState<Toxicity | "">(labels?.toxicity ?? "");
  const [kind, setKind] = useState<MessageKind | "">(labels?.kind ?? "");
  const [themeIds, setThemeIds] = useState<string[]>(() => labels?.themes.map((t) => t.id) ?? []);
  const { isBusy, error, run } = useAction("Không sửa được nhãn, vui lòng thử lại.");
  const formId = useId();
  if (!signal.text) return null;
  if (!labels) return <p className="staff-row-meta muted-inline">Đang phân tích nội dung…</p>;

  const save = () =>
    run(async () => {
      const themesChanged = !sameSet(
        themeIds,
        labels.themes.map((t) => t.id),
      );
      const correction: LabelCorrection = {
        ...(sentiment ? { sentiment } : {}),
        ...(toxicity ? { toxicity } : {}),
        ...(kind ? { kind } : {}),
        ...(themesChanged ? { themes: themeIds } : {}),
      };
      onChanged(await withStaffToken((token) => correctSignalLabels(token, signal.id, correction)));
      setEditing(false);
    });

  return (
    <div className="signal-labels">
      <p className="staff-row-meta">
        {labels.kind && (
          <span className={`status-pill message-kind-${labels.kind}`}>
            {messageKindLabels[labels.kind]} ({sourceLabel(labels.sources.kind)})
          </span>
        )}{" "}
        {labels.sentiment && (
          <span className={`status-pill sentiment-${labels.sentiment}`}>
            {sentimentLabels[labels.sentiment]} ({sourceLabel(labels.sources.sentiment)})
          </span>
        )}{" "}
        {labels.toxicity && labels.toxicity !== "clean" && (
          <span className={`status-pill toxicity-${labels.toxicity}`}>
            {toxicityLabels[labels.toxicity]} ({sourceLabel(labels.sources.toxicity)})
          </span>
        )}{" "}
        <Button
          variant="tertiary"
          size="small"
          aria-expanded={isEditing}
          aria-controls={formId}
          onClick={() => setEditing((open) => !open)}
        >
          {isEditing ? "Đóng sửa nhãn" : "Sửa nhãn"}
        </Button>
      </p>
      {labels.themes.length > 0 && (
        <ul className="theme-chips" aria-label="Chủ đề">
          {labels.themes.map((theme) => (
            <li key={theme.id} className="chip">
              {theme.name}
            </li>
          ))}
        </ul>
      )}
      {isEditing && (
        <fieldset id={formId} className="label-form">
          <legend>Sửa nhãn cho ý kiến này</legend>
          <label>
            Loại ý kiến
            <select value={kind} onChange={(e) => setKind(e.target.value as MessageKind)}>
              {!kind && <option value="">Chưa rõ</option>}
              {messageKinds.map((k) => (
                <option key={k} value={k}>
                  {messageKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Cảm xúc
            <select value={sentiment} onChange={(e) => setSentiment(e.target.value as Sentiment)}>
              {sentiments.map((s) => (
                <option key={s} value={s}>
                  {sentimentLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Lời lẽ
            <select value={toxicity} onChange={(e) => setToxicity(e.target.value as Toxicity)}>
              {toxicities.map((t) => (
                <option key={t} value={t}>
                  {toxicityLabels[t]}
                </option>
              ))}
            </select>
          </label>
          <ThemeChoices current={labels.themes} chosen={themeIds} onChange={setThemeIds} />
          <ActionError message={error} />
          <Button size="small" loading={isBusy} disabled={isBusy} onClick={() => void save()}>
            Lưu nhãn
          </Button>
        </fieldset>
      )}
    </div>
  );
}

/** The ward's active themes (and any the message already has), one checkbox each. */
function ThemeChoices({
  current,
  chosen,
  onChange,
}: {
  current: { id: string; name: string }[];
  chosen: string[];
  onChange(ids: string[]): void;
}) {
  const { withStaffToken } = useStaff();
  const themes = useResource("opinion-themes", (signal) =>
    withStaffToken((token) => fetchOpinionThemes(token, signal)),
  );
  if (themes.status === "loading") return <p className="muted-inline">Đang tải chủ đề…</p>;
  if (themes.status === "failed")
    return (
      <p className="field-error">
        Không tải được danh sách chủ đề.{" "}
        <button type="button" className="link-button" onClick={themes.reload}>
          Thử lại
        </button>
      </p>
    );
  const active = themes.data.items.filter((t) => t.status === "active");
  const options = [...current.filter((t) => !active.some((a) => a.id === t.id)), ...active];
  if (options.length === 0) return <p className="muted-inline">Phường chưa có chủ đề dư luận nào.</p>;
  return (
    <fieldset className="theme-choices">
      <legend>Chủ đề</legend>
      {options.map((theme) => (
        <label key={theme.id} className="checkbox-row">
          <input
            type="checkbox"
            checked={chosen.includes(theme.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, theme.id] : chosen.filter((id) => id !== theme.id))
            }
          />{" "}
          {theme.name}
        </label>
      ))}
    </fieldset>
  );
}
