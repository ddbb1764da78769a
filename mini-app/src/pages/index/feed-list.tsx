import type { FeedItem, PostKind } from "@loa-phuong/shared";
import { formatDate } from "@loa-phuong/shared/client";
import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import { OfflineNotice } from "../../components/offline-notice";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useOfflineResource } from "../../hooks/use-offline-resource";
import { feedPageSize, fetchFeed } from "../../services/api";
import { takeFirstFeed } from "../../services/first-screen";
import { cacheFeed, readCachedFeed } from "../../services/offline-cache";
import { useSession } from "../../state/session";
import { kindLabel } from "../../utils/post-kind";
import { excerpt } from "../../utils/text";

/**
 * A tab of the feed. What this phone saved shows at once while the server is asked; the first page
 * of "Tất cả" usually came with the sign-in already (services/first-screen.ts).
 */
export function FeedList({ kind }: { kind: PostKind | null }) {
  const { session, withToken } = useSession();
  const residentId = session.resident.id;
  const tab = kind ?? "all";
  // Taken on the first render: what arrived with the sign-in shows in it, without a second request;
  // what is still on its way is the first load's answer. Later loads ("Thử lại", a tab) ask the server.
  const [firstPage] = useState(() => (kind ? null : takeFirstFeed(residentId)));
  const onItsWay = useRef(firstPage && "feed" in firstPage ? firstPage.feed : null);
  const fetchPage = (signal: AbortSignal) =>
    withToken((token) => fetchFeed(token, { kind, limit: feedPageSize }, signal)).then((page) => page.items);
  const feed = useOfflineResource(
    `feed:${residentId}:${tab}`,
    async (signal) => {
      const pending = onItsWay.current;
      onItsWay.current = null;
      const first = await pending;
      // Someone else's (another Zalo account signed in on this phone), or not sent: ask.
      return first?.residentId === residentId && first.items ? first.items : fetchPage(signal);
    },
    { read: () => readCachedFeed(residentId, tab), write: (items) => cacheFeed(residentId, tab, items) },
    { showSavedFirst: true, ...(firstPage && "arrived" in firstPage && { initial: firstPage.arrived }) },
  );

  if (feed.status === "loading") return <LoadingView label="Đang tải thông báo…" />;
  if (feed.status === "failed") return <ErrorView message={feed.message} onRetry={feed.reload} />;
  const { data: items, savedAt, isRefreshing } = feed.data;
  return (
    <>
      {isRefreshing ? (
        <p className="muted feed-refreshing" role="status">
          Đang cập nhật thông báo…
        </p>
      ) : (
        savedAt && <OfflineNotice savedAt={savedAt} onRetry={feed.reload} />
      )}
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
