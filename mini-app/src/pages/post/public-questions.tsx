import type { PostEngagement } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";

/**
 * "Bà con hỏi, phường trả lời": what other residents asked about this post and the ward answered, with no
 * names. The server shows only what passed moderation (clean words, no false claim, not hidden by staff).
 */
export function PublicQuestions({ items }: { items: PostEngagement["publicQuestions"] }) {
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="public-questions-title">
      <h2 id="public-questions-title" className="card-title">
        Bà con hỏi, phường trả lời
      </h2>
      <ul className="plain-list public-questions">
        {items.map((item) => (
          <li key={item.id}>
            <article className="question-card">
              <p className="question-meta">
                Người dân hỏi · <time dateTime={item.askedAt}>{formatDateTime(item.askedAt)}</time>
              </p>
              <p className="question-text">{item.text}</p>
              <div className="reply">
                <p className="reply-by">
                  Phường trả lời · <time dateTime={item.answer.at}>{formatDateTime(item.answer.at)}</time>
                </p>
                <p className="reply-text">{item.answer.text}</p>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
