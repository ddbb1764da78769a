import type { FeedItem } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { kindLabel } from "../../utils/post-kind";
import { paragraphs } from "../../utils/text";
import { ShareButton } from "./share-button";

export function PostArticle({ post }: { post: FeedItem }) {
  return (
    <article className="post">
      <p className={`kind-label kind-${post.kind}`}>{kindLabel(post.kind)}</p>
      <h1 className="post-title">{post.title}</h1>
      <p className="muted">
        <time dateTime={post.publishedAt}>{formatDateTime(post.publishedAt)}</time>
      </p>
      {post.campaign && <p className="post-campaign">Chiến dịch: {post.campaign.title}</p>}
      {post.imageUrl && (
        <img className="post-image" src={post.imageUrl} alt={`Ảnh minh hoạ: ${post.title}`} />
      )}
      {post.summary && <p className="post-summary">{post.summary}</p>}
      <div className="post-body">
        {paragraphs(post.body).map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: its place is a paragraph's identity.
          <p key={index}>{text}</p>
        ))}
      </div>
      <ShareButton post={post} />
    </article>
  );
}
