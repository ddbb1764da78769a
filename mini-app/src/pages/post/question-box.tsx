import type { PostEngagement } from "@loa-phuong/shared";
import { textLimits } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Button } from "zmp-ui";
import { DraftNote } from "../../components/draft-note";
import { OutcomeMessage } from "../../components/outcome-message";
import { QuestionCard } from "../../components/question-card";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { askAboutPost, fetchEngagement } from "../../services/engagement-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";

const limit = textLimits.question;
const emptyDraft = { kind: "question" as "question" | "comment", text: "" };

/** Ask the ward about the post, or comment on it; the resident's own questions and the answers below. */
export function QuestionBox({
  postId,
  engagement,
  onChange,
}: {
  postId: string;
  engagement: PostEngagement;
  onChange(next: PostEngagement): void;
}) {
  const { withToken } = useSession();
  const draft = useDeviceDraft(`question:${postId}`, emptyDraft);
  const { kind, text } = draft.value;
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được, vui lòng thử lại.");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing =
      text.trim() === ""
        ? "Hãy viết nội dung trước khi gửi."
        : tooLongProblem(text, limit, "Câu hỏi hoặc góp ý");
    setProblem(missing);
    if (missing) return;
    setNotice(null);
    void run(async () => {
      await withToken((token) => askAboutPost(token, postId, { kind, text: text.trim() })).catch(
        (reason: unknown) => {
          throw explainRefusal(reason);
        },
      );
      draft.forget();
      setNotice(
        kind === "question" ? "Đã gửi câu hỏi. Cán bộ phường sẽ trả lời bạn." : "Đã gửi góp ý. Cảm ơn bạn.",
      );
      onChange(await withToken((token) => fetchEngagement(token, postId)));
    });
  };

  return (
    <>
      <section className="engagement-block" aria-labelledby="ask-title">
        <h2 id="ask-title" className="section-title">
          Hỏi hoặc góp ý với phường
        </h2>
        <form onSubmit={submit} noValidate className="form-stack">
          <div className="segmented" role="radiogroup" aria-label="Loại ý kiến">
            {(["question", "comment"] as const).map((value) => (
              <label key={value} className="choice choice-inline">
                <input
                  type="radio"
                  name="ask-kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => draft.setValue((current) => ({ ...current, kind: value }))}
                />
                <span>{value === "question" ? "Câu hỏi" : "Góp ý"}</span>
              </label>
            ))}
          </div>
          <div className="field">
            <label htmlFor="ask-text">Câu hỏi hoặc góp ý của bạn</label>
            <textarea
              id="ask-text"
              rows={3}
              value={text}
              {...limitedFieldProps("ask-text-limit", text, limit)}
              onChange={(event) => {
                const next = event.target.value;
                draft.setValue((current) => ({ ...current, text: next }));
              }}
              placeholder="Ví dụ: Lịch họp phụ huynh cụ thể là ngày nào?"
            />
            <TextLimit id="ask-text-limit" text={text} limit={limit} />
          </div>
          <DraftNote draft={draft} />
          <OutcomeMessage error={problem ?? error} notice={notice} />
          <Button htmlType="submit" loading={isBusy} disabled={isBusy}>
            {kind === "question" ? "Gửi câu hỏi" : "Gửi góp ý"}
          </Button>
        </form>
      </section>
      {engagement.myQuestions.length > 0 && (
        <section className="engagement-block" aria-labelledby="my-questions-title">
          <h2 id="my-questions-title" className="section-title">
            Câu hỏi và góp ý của bạn
          </h2>
          <ul className="feed-list">
            {engagement.myQuestions.map((question) => (
              <li key={question.id}>
                <QuestionCard item={question} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
