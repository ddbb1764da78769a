import type { PostEngagement } from "@loa-phuong/shared";
import { type FormEvent, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { ApiError } from "../../services/api";
import { answerPoll, fetchEngagement } from "../../services/engagement-api";
import { useSession } from "../../state/session";

type Poll = NonNullable<PostEngagement["poll"]>;

/** The poll of a "Khảo sát" post: choose, send, then (only then) the results with bars and percentages. */
export function PollWidget({
  postId,
  poll,
  onChange,
}: {
  postId: string;
  poll: Poll;
  onChange(next: PostEngagement): void;
}) {
  return (
    <section className="engagement-block poll" aria-labelledby="poll-title">
      <h2 id="poll-title" className="section-title">
        Khảo sát: {poll.question}
      </h2>
      {poll.myAnswer ? (
        <PollResults poll={poll} myAnswer={poll.myAnswer} />
      ) : (
        <PollForm postId={postId} poll={poll} onChange={onChange} />
      )}
    </section>
  );
}

function PollForm({
  postId,
  poll,
  onChange,
}: {
  postId: string;
  poll: Poll;
  onChange(next: PostEngagement): void;
}) {
  const { withToken } = useSession();
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // Once answered, the results replace the form.
  const { isBusy, error, run } = useAction("Không gửi được câu trả lời, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const failure = problem ?? error;

  const choose = (optionId: string, isChecked: boolean) =>
    setChosen((current) =>
      poll.multiple
        ? isChecked
          ? [...current, optionId]
          : current.filter((id) => id !== optionId)
        : [optionId],
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(poll.multiple ? "Hãy chọn ít nhất một phương án." : "Hãy chọn một phương án.");
      return;
    }
    setProblem(null);
    void run(async () => {
      try {
        onChange(await withToken((token) => answerPoll(token, postId, chosen)));
      } catch (reason) {
        if (!(reason instanceof ApiError && reason.status === 409)) throw reason;
        // Answered already (another device, a double tap): show the results the server kept.
        const kept = await withToken((token) => fetchEngagement(token, postId)).catch(() => null);
        if (!kept) throw new Error("Bạn đã trả lời khảo sát này rồi.");
        onChange(kept);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="poll-options">
        <legend className="muted">
          {poll.multiple ? "Có thể chọn nhiều phương án." : "Chọn một phương án."}
        </legend>
        {poll.options.map((option) => (
          <label key={option.id} className="choice">
            <input
              type={poll.multiple ? "checkbox" : "radio"}
              name="poll-option"
              value={option.id}
              checked={chosen.includes(option.id)}
              onChange={(event) => choose(option.id, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <ActionError message={failure} />
      <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
        Gửi bình chọn
      </Button>
    </form>
  );
}

function PollResults({ poll, myAnswer }: { poll: Poll; myAnswer: string[] }) {
  const total = poll.totalVotes ?? poll.options.reduce((sum, option) => sum + (option.votes ?? 0), 0);
  return (
    <section aria-label="Kết quả khảo sát">
      <p role="status" className="inline-success">
        Cảm ơn bạn đã tham gia khảo sát.
      </p>
      <ul className="poll-results">
        {poll.options.map((option) => {
          const votes = option.votes ?? 0;
          const percent = total > 0 ? Math.round((votes / total) * 100) : 0;
          const isMine = myAnswer.includes(option.id);
          return (
            <li key={option.id} className={isMine ? "poll-result poll-result-mine" : "poll-result"}>
              <div className="poll-result-line">
                <span>
                  {option.label}
                  {isMine && <span className="poll-mine"> (bạn chọn)</span>}
                </span>
                <span className="poll-percent">{percent}%</span>
              </div>
              <div className="poll-bar" aria-hidden="true">
                <div className="poll-bar-fill" style={{ width: `${percent}%` }} />
              </div>
              <span className="visually-hidden">{votes} phiếu</span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{total} người đã trả lời.</p>
    </section>
  );
}
