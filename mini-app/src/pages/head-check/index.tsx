import type { MessageCheck } from "@loa-phuong/shared";
import { textLimits } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { DraftNote } from "../../components/draft-note";
import { OutcomeMessage } from "../../components/outcome-message";
import { EmptyView } from "../../components/status-views";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { checkMessage } from "../../services/head-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";
import { RelayTaskCard } from "../head/relay-task-card";

/**
 * "Kiểm tra tin này": a head pastes a suspicious message from their group's Zalo chat. A known false
 * claim gets the ward's approved clarification at once, with the card to share it into the group;
 * anything else goes to the ward's staff ("Chưa có thông tin, đã chuyển cán bộ phường").
 */
export default function MessageCheckPage() {
  const { session, withToken } = useSession();
  const draft = useDeviceDraft("message-check", { text: "" });
  const { text } = draft.value;
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<MessageCheck | null>(null);
  const { isBusy, error, run } = useAction("Không kiểm tra được, vui lòng thử lại.");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing =
      text.trim() === ""
        ? "Hãy dán tin cần kiểm tra."
        : tooLongProblem(text, textLimits.messageCheck, "Tin cần kiểm tra");
    setProblem(missing);
    if (missing) return;
    setAnswer(null);
    void run(async () => {
      const checked = await withToken((token) => checkMessage(token, text.trim())).catch(
        (reason: unknown) => {
          throw explainRefusal(reason);
        },
      );
      draft.forget();
      setAnswer(checked);
    });
  };

  return (
    <Page className="page">
      <AppHeader title="Kiểm tra tin này" showBack home="/head" />
      <main className="page-content">
        <h1 className="page-title">Kiểm tra tin này</h1>
        {!session.resident.isGroupHead ? (
          <EmptyView>Mục này dành cho tổ trưởng tổ dân phố.</EmptyView>
        ) : (
          <>
            <p className="muted">
              Thấy tin đáng ngờ trong nhóm Zalo của tổ? Dán vào đây: nếu phường đã có bài đính chính, bạn nhận
              ngay để chuyển vào nhóm; nếu chưa, tin được chuyển cán bộ phường xem xét.
            </p>
            <form className="card form-stack" onSubmit={submit} noValidate aria-label="Kiểm tra tin này">
              <div className="field">
                <label htmlFor="check-text">Tin cần kiểm tra</label>
                <textarea
                  id="check-text"
                  rows={6}
                  value={text}
                  {...limitedFieldProps("check-text-limit", text, textLimits.messageCheck)}
                  onChange={(event) => draft.setValue({ text: event.target.value })}
                />
                <TextLimit id="check-text-limit" text={text} limit={textLimits.messageCheck} />
              </div>
              <DraftNote draft={draft} />
              <OutcomeMessage error={problem ?? error} notice={null} />
              <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
                Kiểm tra
              </Button>
            </form>
            {answer && <CheckAnswer answer={answer} />}
          </>
        )}
      </main>
    </Page>
  );
}

function CheckAnswer({ answer }: { answer: MessageCheck }) {
  const [task, setTask] = useState(answer.clarification?.relayTask ?? null);
  const clarification = answer.clarification;
  if (!clarification)
    return (
      <section className="card" aria-labelledby="check-answer" role="status">
        <h2 id="check-answer" className="card-title">
          Chưa có thông tin, đã chuyển cán bộ phường
        </h2>
        <p>Cán bộ phường sẽ xem tin này. Khi có bài đính chính, phường sẽ gửi để bạn chuyển vào nhóm.</p>
      </section>
    );
  return (
    <section className="card" aria-labelledby="check-answer" role="status">
      <p className="relay-card-kind">
        <strong>Đây là tin đồn đã được phường đính chính</strong> · {clarification.topic}
      </p>
      <h2 id="check-answer" className="card-title">
        {clarification.title}
      </h2>
      {clarification.summary && <p>{clarification.summary}</p>}
      <Link to={`/post/${encodeURIComponent(clarification.postId)}`} className="button-link">
        Xem bài đính chính
      </Link>
      {task && (
        <>
          <p className="muted">Chia sẻ bài đính chính vào nhóm Zalo của tổ, rồi bấm “Đã chuyển tiếp”.</p>
          <RelayTaskCard task={task} onChange={setTask} />
        </>
      )}
    </section>
  );
}
