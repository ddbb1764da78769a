import type { Signal } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Link } from "react-router-dom";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { markSignalHandled } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import {
  replyChannelLabel,
  replyStatusLabel,
  signalKindLabels,
  signalStatusLabels,
} from "../../../utils/staff-labels";
import { ClarifyButton } from "./clarify-button";
import { OpinionReportFacts } from "./opinion-report-facts";
import { ReplyBox } from "./reply-box";
import { ResidentVisibility } from "./resident-visibility";
import { SignalLabels } from "./signal-labels";
import { SignalPhotos } from "./signal-photos";
import { SignalWords } from "./signal-words";

/** One signal: who, where, about which post, what they wrote (and photos), the answers so far and the actions. */
export function SignalCard({ signal, onChanged }: { signal: Signal; onChanged(signal: Signal): void }) {
  const { withStaffToken } = useStaff();
  const [isReplying, setReplying] = useState(false);
  const { isBusy, error, run } = useAction("Không cập nhật được, vui lòng thử lại.");
  const headingId = `signal-${signal.id}-heading`;
  const replyId = `signal-${signal.id}-reply`;
  const who = signal.resident?.name ?? "Người dân (đã xóa dữ liệu)";

  const markHandled = () =>
    run(async () => {
      onChanged(await withStaffToken((token) => markSignalHandled(token, signal.id)));
    });

  return (
    <article className="staff-card signal-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="signal-heading">
        <span className={`status-pill signal-kind-${signal.kind}`}>
          {signalKindLabels[signal.kind] ?? signal.kind}
        </span>{" "}
        {who}
      </h3>
      <p className="staff-row-meta">
        <span className={`status-pill signal-${signal.status}`}>
          {signalStatusLabels[signal.status] ?? signal.status}
        </span>{" "}
        <span className="muted-inline">
          {signal.residentialGroup?.name ?? "Chưa thuộc tổ dân phố"} ·{" "}
          <time dateTime={signal.sentAt}>{formatDateTime(signal.sentAt)}</time>
          {signal.handledAt && (
            <>
              {" "}
              · xử lý lúc <time dateTime={signal.handledAt}>{formatDateTime(signal.handledAt)}</time>
            </>
          )}
        </span>
      </p>
      {signal.post && (
        <p className="staff-row-meta">
          Về bài:{" "}
          <Link to={`/staff/posts/${encodeURIComponent(signal.post.id)}`} className="text-link">
            {signal.post.title}
          </Link>
        </p>
      )}
      <SignalWords signal={signal} />
      <OpinionReportFacts signal={signal} />
      <ResidentVisibility signal={signal} onChanged={onChanged} />
      <SignalLabels signal={signal} onChanged={onChanged} />
      {signal.rumour && (
        <p className="staff-row-meta">
          <span className="status-pill rumour-pill">Nhắc lại tin đồn</span>{" "}
          <Link to="/staff/rumours" className="text-link">
            “{signal.rumour.claim}”
          </Link>
        </p>
      )}
      <ClarifyButton signal={signal} onChanged={onChanged} />
      <SignalPhotos photos={signal.photos} who={who} />
      {signal.replies.length > 0 && (
        <>
          <h4 className="subsection-title">Đã trả lời</h4>
          <ul className="reply-list">
            {signal.replies.map((reply) => (
              // Replies carry no id: their time and author name them.
              <li key={`${reply.at}:${reply.by}`}>
                <p className="reply-text">{reply.text}</p>
                <p className="staff-row-meta">
                  <span className={`status-pill reply-${reply.status}`}>
                    {replyChannelLabel(reply.channel)} · {replyStatusLabel(reply.status)}
                  </span>{" "}
                  <span className="muted-inline">
                    {reply.by} · <time dateTime={reply.at}>{formatDateTime(reply.at)}</time>
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <ActionError message={error} />
      <div className="action-row">
        {signal.resident && (
          <Button
            variant="secondary"
            size="small"
            aria-expanded={isReplying}
            aria-controls={replyId}
            onClick={() => setReplying((open) => !open)}
          >
            {isReplying ? "Đóng trả lời" : "Trả lời"}
          </Button>
        )}
        {signal.status === "open" && (
          <Button
            variant="tertiary"
            size="small"
            loading={isBusy}
            disabled={isBusy}
            onClick={() => void markHandled()}
          >
            Đánh dấu đã xử lý
          </Button>
        )}
      </div>
      {isReplying && signal.resident && (
        <div id={replyId}>
          <ReplyBox signal={signal} onReplied={onChanged} />
        </div>
      )}
    </article>
  );
}
