import {
  type LabelCorrection,
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
import { correctSignalLabels } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { sentimentLabels, toxicityLabels } from "../../../utils/staff-labels";

/** "Máy đọc" or "Cán bộ sửa": who gave a label, as the officer needs to know whether to trust it. */
const sourceLabel = (source: string | undefined) => (source === "staff" ? "cán bộ đã sửa" : "máy đọc");

/**
 * What the opinion models read in the resident's words (feeling, and whether the words are fit to
 * show), with who gave each label; "Sửa nhãn" lets the officer set it right, which the next
 * training learns from.
 */
export function SignalLabels({ signal, onChanged }: { signal: Signal; onChanged(signal: Signal): void }) {
  const { withStaffToken } = useStaff();
  const [isEditing, setEditing] = useState(false);
  const labels = signal.labels;
  const [sentiment, setSentiment] = useState<Sentiment | "">(labels?.sentiment ?? "");
  const [toxicity, setToxicity] = useState<Toxicity | "">(labels?.toxicity ?? "");
  const { isBusy, error, run } = useAction("Không sửa được nhãn, vui lòng thử lại.");
  const formId = useId();
  if (!signal.text) return null;
  if (!labels) return <p className="staff-row-meta muted-inline">Đang phân tích nội dung…</p>;

  const save = () =>
    run(async () => {
      const correction: LabelCorrection = {
        ...(sentiment ? { sentiment } : {}),
        ...(toxicity ? { toxicity } : {}),
      };
      onChanged(await withStaffToken((token) => correctSignalLabels(token, signal.id, correction)));
      setEditing(false);
    });

  return (
    <div className="signal-labels">
      <p className="staff-row-meta">
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
      {isEditing && (
        <fieldset id={formId} className="label-form">
          <legend>Sửa nhãn cho ý kiến này</legend>
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
          <ActionError message={error} />
          <Button size="small" loading={isBusy} disabled={isBusy} onClick={() => void save()}>
            Lưu nhãn
          </Button>
        </fieldset>
      )}
    </div>
  );
}
