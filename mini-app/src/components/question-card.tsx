import { formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import type { MyQuestion } from "../services/resident-api";
import { signalKindLabel } from "../utils/signal-kind-labels";

/**
 * A question, góp ý, report or nomination the resident sent, named by its kind, with the ward's answers
 * (feed "Hỏi đáp" and the post page).
 */
export function QuestionCard({
  item,
}: {
  item: Pick<MyQuestion, "kind" | "text" | "sentAt" | "replies"> & { post?: MyQuestion["post"] };
}) {
  return (
    <article className="question-card">
      <p className="question-meta">
        <span className="question-kind">{signalKindLabel(item.kind)}</span> ·{" "}
        <time dateTime={item.sentAt}>{formatDateTime(item.sentAt)}</time>
      </p>
      <p className="question-text">{item.text}</p>
      {item.post && (
        <p className="question-post">
          Về bài: <Link to={`/post/${encodeURIComponent(item.post.id)}`}>{item.post.title}</Link>
        </p>
      )}
      {item.replies.length === 0 ? (
        <p className="muted question-waiting">Chưa có trả lời. Cán bộ phường sẽ trả lời sớm.</p>
      ) : (
        <ul className="reply-list" aria-label="Trả lời của phường">
          {item.replies.map((reply) => (
            // Replies carry no id: their time and author name them.
            <li key={`${reply.at}:${reply.by}`} className="reply">
              <p className="reply-by">
                {reply.by} · <time dateTime={reply.at}>{formatDateTime(reply.at)}</time>
              </p>
              <p className="reply-text">{reply.text}</p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
