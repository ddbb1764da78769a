import type { FeedItem, PostKind } from "@loa-phuong/shared";
import { formatDate } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useResource } from "../../hooks/use-resource";
import { fetchFeed } from "../../services/api";
import { useSession } from "../../state/session";
import { kindLabel } from "../../utils/post-kind";
import { excerpt } from "../../utils/text";

const pageSize = 20;

export function FeedList({ kind }: { kind: PostKind | null }) {
  const { withToken } = useSession();
  const feed = useResource(`feed:${kind ?? "all"}`, (signal) =>
    withToken((token) => fetchFeed(token, { kind, limit: pageSize }, signal)),
  );

  if (feed.status === "loading") return <LoadingView label="Đang tải thông báo…" />;
  if (feed.status === "failed") return <ErrorView message={feed.message} onRetry={feed.reload} />;
  if (feed.data.items.length === 0) {
    return (
      <EmptyView>
        {kind ? `Chưa có bài “${kindLabel(kind)}” nào gửi đến bạn.` : "Chưa có thông báo nào gửi đến bạn."}
      </EmptyView>
    );
  }
  return (
    <ul className="feed-list">
      {feed.data.items.map((item) => (
        <li key={item.id}>
          <FeedCard item={item} />
        </li>
      ))}
    </ul>
  );
}

function FeedCard({ item }: { item: FeedItem }) {
  return (
    <Link to={`/post/${encodeURIComponent(item.id)}`} className="feed-card">
      <span className={`kind-label kind-${item.kind}`}>{kindLabel(item.kind)}</span>
      <h3 className="feed-card-title">{item.title}</h3>
      <p className="feed-card-excerpt">{excerpt(item.summary, item.body)}</p>
      <time className="muted" dateTime={item.publishedAt}>
        {formatDate(item.publishedAt)}
      </time>
    </Link>
  );
}
