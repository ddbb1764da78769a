import { OPINION_EXAMPLES_MAX, textLimits } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { DraftNote } from "../../components/draft-note";
import { OutcomeMessage } from "../../components/outcome-message";
import { EmptyView } from "../../components/status-views";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { type OpinionMood, sendOpinionReport } from "../../services/head-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";

const moods: { value: OpinionMood; label: string }[] = [
  { value: "positive", label: "Tích cực" },
  { value: "neutral", label: "Bình thường" },
  { value: "negative", label: "Tiêu cực" },
  { value: "mixed", label: "Trái chiều" },
];
const topics = ["Giáo dục", "An ninh trật tự", "Môi trường", "Y tế", "Hạ tầng", "Khác"];
const emptyDraft: {
  mood: OpinionMood | null;
  chosen: string[];
  otherTopic: string;
  summary: string;
  examples: string;
} = {
  mood: null,
  chosen: [],
  otherTopic: "",
  summary: "",
  examples: "",
};

/** The things people said, one a line, as the report sends them. */
function examplesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * "Báo cáo dư luận": what people in the area are saying — the mood, the topics, a short summary and a
 * few things heard, word for word — from a group head or a collaborator the ward appointed.
 */
export default function OpinionReportPage() {
  const { session, withToken } = useSession();
  const { resident } = session;
  const draft = useDeviceDraft("opinion-report", emptyDraft);
  const { mood, chosen, otherTopic, summary, examples } = draft.value;
  const heard = examplesOf(examples);
  const set = (patch: Partial<typeof emptyDraft>) => draft.setValue((current) => ({ ...current, ...patch }));
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được báo cáo, vui lòng thử lại.");

  const toggle = (topic: string) =>
    draft.setValue((current) => ({
      ...current,
      chosen: current.chosen.includes(topic)
        ? current.chosen.filter((t) => t !== topic)
        : [...current.chosen, topic],
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // "Khác" stands for the free text when there is one.
    const sent = chosen.flatMap((topic) =>
      topic === "Khác" && otherTopic.trim() ? [otherTopic.trim()] : [topic],
    );
    const missing = !mood
      ? "Hãy chọn tình hình dư luận chung."
      : sent.length === 0
        ? "Hãy chọn ít nhất một chủ đề."
        : summary.trim() === ""
          ? "Hãy tóm tắt tình hình."
          : heard.length > OPINION_EXAMPLES_MAX
            ? `Ghi tối đa ${OPINION_EXAMPLES_MAX} ý kiến, mỗi ý kiến một dòng.`
            : (tooLongProblem(summary, textLimits.opinionSummary, "Tóm tắt tình hình") ??
              heard
                .map((line) => tooLongProblem(line, textLimits.opinionExample, "Mỗi ý kiến"))
                .find(Boolean) ??
              (chosen.includes("Khác")
                ? tooLongProblem(otherTopic, textLimits.opinionTopic, "Chủ đề khác")
                : null));
    setProblem(missing);
    if (missing) return;
    setNotice(null);
    void run(async () => {
      await withToken((token) =>
        sendOpinionReport(token, { mood: mood!, topics: sent, summary: summary.trim(), examples: heard }),
      ).catch((reason: unknown) => {
        throw explainRefusal(reason);
      });
      draft.forget();
      setNotice(`Đã gửi báo cáo dư luận. Cảm ơn ${resident.isGroupHead ? "tổ trưởng" : "bạn"}!`);
    });
  };

  return (
    <Page className="page">
      <AppHeader title="Báo cáo dư luận" showBack home={resident.isGroupHead ? "/head" : "/profile"} />
      <main className="page-content">
        <h1 className="page-title">Báo cáo dư luận</h1>
        {!resident.isGroupHead && !resident.isOpinionCollaborator ? (
          <EmptyView>Mục này dành cho tổ trưởng tổ dân phố và cộng tác viên dư luận xã hội.</EmptyView>
        ) : (
          <form className="card form-stack" onSubmit={submit} noValidate>
            <fieldset className="field">
              <legend>Tình hình dư luận chung</legend>
              <div className="chip-row">
                {moods.map((option) => (
                  <label key={option.value} className="choice choice-inline">
                    <input
                      type="radio"
                      name="mood"
                      checked={mood === option.value}
                      onChange={() => set({ mood: option.value })}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="field">
              <legend>Chủ đề bà con quan tâm</legend>
              <div className="chip-row">
                {topics.map((topic) => (
                  <button
                    key={topic}
                    type="button"
                    className="chip"
                    aria-pressed={chosen.includes(topic)}
                    onClick={() => toggle(topic)}
                  >
                    {topic}
                  </button>
                ))}
              </div>
              {chosen.includes("Khác") && (
                <div className="field nested-field">
                  <label htmlFor="opinion-other">Chủ đề khác</label>
                  <input
                    id="opinion-other"
                    value={otherTopic}
                    {...limitedFieldProps("opinion-other-limit", otherTopic, textLimits.opinionTopic)}
                    onChange={(event) => set({ otherTopic: event.target.value })}
                  />
                  <TextLimit id="opinion-other-limit" text={otherTopic} limit={textLimits.opinionTopic} />
                </div>
              )}
            </fieldset>
            <div className="field">
              <label htmlFor="opinion-summary">Tóm tắt tình hình</label>
              <textarea
                id="opinion-summary"
                rows={5}
                value={summary}
                {...limitedFieldProps("opinion-summary-limit", summary, textLimits.opinionSummary)}
                onChange={(event) => set({ summary: event.target.value })}
              />
              <TextLimit id="opinion-summary-limit" text={summary} limit={textLimits.opinionSummary} />
            </div>
            <div className="field">
              <label htmlFor="opinion-examples">Ý kiến ghi nhận (không bắt buộc)</label>
              <p id="opinion-examples-hint" className="setting-hint">
                Ghi nguyên văn điều bà con nói, mỗi ý kiến một dòng, tối đa {OPINION_EXAMPLES_MAX} ý kiến.
                Không ghi tên người nói.
              </p>
              <textarea
                id="opinion-examples"
                rows={4}
                value={examples}
                aria-describedby="opinion-examples-hint"
                onChange={(event) => set({ examples: event.target.value })}
              />
            </div>
            <DraftNote draft={draft} />
            <OutcomeMessage error={problem ?? error} notice={notice} />
            <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
              Gửi báo cáo
            </Button>
          </form>
        )}
      </main>
    </Page>
  );
}
