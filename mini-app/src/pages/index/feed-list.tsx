import type { FeedItem, PostKind } from "@loa-phuong/shared";
import { formatDate } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { OfflineNotice } from "../../components/offline-notice";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useOfflineResource } from "../../hooks/use-offline-resource";
import { fetchFeed, takePrefetchedFeed } from "../../services/api";
import { cacheFeed, readCachedFeed } from "../../services/offline-cache";
import { useSession } from "../../state/session";
import { kindLabel } from "../../utils/post-kind";
import { excerpt } from "../../utils/text";

const pageSize = 20;

export function FeedList({ kind }: { kind: PostKind | null }) {
  const { session, withToken } = useSession();
  const residentId = session.resident.id;
  const tab = kind ?? "all";
  const feed = useOfflineResource(
    `feed:${residentId}:${tab}`,
    (signal) =>
      (
        (!kind && takePrefetchedFeed()) ||
        withToken((token) => fetchFeed(token, { kind, limit: pageSize }, signal))
      ).then((page) => page.items),
    { read: () => readCachedFeed(residentId, tab), write: (items) => cacheFeed(residentId, tab, items) },
  );

  if (feed.status === "loading") return <LoadingView label="Đang tải thông báo…" />;
  if (feed.status === "failed") return <ErrorView message={feed.message} onRetry={feed.reload} />;
  const { data: items, savedAt } = feed.data;
  return (
    <>
      {savedAt && <OfflineNotice savedAt={savedAt} onRetry={feed.reload} />}
      {items.length === 0 ? (
        <EmptyView>
          {kind ? `Chưa có bài “${kindLabel(kind)}” nào gửi đến bạn.` : "Chưa có thông báo nào gửi đến bạn."}
        </EmptyView>
      ) : (
        <ul className="feed-list">
          {items.map((item) => (
            <li key={item.id}>
              <FeedCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FeedCard({ item }: { item: FeedItem }) {
  return (
    <Link
      to={`/post/${encodeURIComponent(item.id)}`}
      className={item.isRead ? "feed-card" : "feed-card feed-card-unread"}
    >
      <span className="feed-card-top">
        <span className={`kind-label kind-${item.kind}`}>{kindLabel(item.kind)}</span>
        {!item.isRead && (
          <span className="unread-marker">
            <span aria-hidden="true" className="unread-dot" />
            Chưa đọc
          </span>
        )}
      </span>
      <h3 className="feed-card-title">{item.title}</h3>
      <p className="feed-card-excerpt">{excerpt(item.summary, item.body)}</p>
      <time className="muted" dateTime={item.publishedAt}>
        {formatDate(item.publishedAt)}
      </time>
    </Link>
  );
}
