import { useEffect } from "react";
import { useLocation, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { JoinOfferBanner } from "../../components/join-offer-banner";
import { OfflineNotice } from "../../components/offline-notice";
import { ErrorView, LoadingView } from "../../components/status-views";
import { useOfflineResource } from "../../hooks/use-offline-resource";
import { ApiError, fetchFeedItem } from "../../services/api";
import { markPostRead } from "../../services/engagement-api";
import { cachePost, readCachedPost } from "../../services/offline-cache";
import { useSession } from "../../state/session";
import { PostArticle } from "./post-article";
import { PostEngagementSection } from "./post-engagement";

/** One post, opened from the feed or from a shared link (/post/:id?ref=… or ?relay=…). */
export default function PostPage() {
  const { id = "" } = useParams();
  const { session, withToken } = useSession();
  const residentId = session.resident.id;
  const isRelayed = new URLSearchParams(useLocation().search).has("relay");
  const membership = session.resident.membershipStatus;
  const post = useOfflineResource(
    `post:${residentId}:${id}:${membership}`,
    (signal) =>
      withToken((token) => fetchFeedItem(token, id, signal)).catch((error: unknown) => {
        throw explainNotFound(error, isRelayed, membership);
      }),
    { read: () => readCachedPost(residentId, id), write: (data) => cachePost(residentId, data) },
  );
  const isOnline = post.status === "ready" && post.data.savedAt === null;

  useEffect(() => {
    if (!isOnline) return;
    // The unread marker is a convenience: if this fails, the next opening marks the post again.
    withToken((token) => markPostRead(token, id)).catch(() => undefined);
  }, [id, isOnline, withToken]);

  return (
    <Page className="page">
      <AppHeader title="Bài viết" showBack />
      <main className="page-content">
        <JoinOfferBanner />
        {post.status === "loading" && <LoadingView label="Đang tải bài viết…" />}
        {post.status === "failed" && <ErrorView message={post.message} onRetry={post.reload} />}
        {post.status === "ready" && (
          <>
            {post.data.savedAt && <OfflineNotice savedAt={post.data.savedAt} onRetry={post.reload} />}
            <PostArticle post={post.data.data} />
            {isOnline && <PostEngagementSection postId={id} />}
          </>
        )}
      </main>
    </Page>
  );
}

/**
 * A head's link reaches everyone in the neighbourhood's Zalo group, but a post addressed to a group
 * reaches only its confirmed members: say why instead of "not found".
 */
function explainNotFound(error: unknown, isRelayed: boolean, membership: string | null): unknown {
  if (!(error instanceof ApiError && error.status === 404 && isRelayed && membership !== "confirmed"))
    return error;
  return new Error(
    membership === "pending"
      ? "Bài viết này dành cho thành viên tổ dân phố. Bạn sẽ đọc được khi tổ trưởng xác nhận bạn vào tổ."
      : "Bài viết này dành cho thành viên tổ dân phố. Hãy tham gia tổ để đọc.",
  );
}
