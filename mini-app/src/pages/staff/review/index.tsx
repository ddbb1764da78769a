import { useLocation } from "react-router-dom";
import { NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchPosts } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { PostRow } from "../index/post-list";

/** The approver's queue: every post waiting for approval, oldest change last. */
export default function ReviewQueuePage() {
  const { withStaffToken, hasRole, staff } = useStaff();
  const queue = useResource("review-queue", (signal) =>
    withStaffToken((token) => fetchPosts(token, { status: "submitted", limit: 100 }, signal)),
  );
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  return (
    <StaffPage title="Duyệt bài">
      <h1 className="page-title">Hàng chờ duyệt</h1>
      <NoticeBanner notice={notice} />
      {!hasRole("approver") && (
        <p className="hint-box">
          Bạn xem được hàng chờ, nhưng chỉ lãnh đạo có quyền duyệt mới duyệt hoặc từ chối được bài.
        </p>
      )}
      {queue.status === "loading" && <LoadingView label="Đang tải hàng chờ duyệt…" />}
      {queue.status === "failed" && <ErrorView message={queue.message} onRetry={queue.reload} />}
      {queue.status === "ready" &&
        (queue.data.items.length === 0 ? (
          <EmptyView>Không có bài nào đang chờ duyệt.</EmptyView>
        ) : (
          <ul className="staff-list" aria-label="Bài chờ duyệt">
            {queue.data.items.map((post) => (
              <li key={post.id}>
                <PostRow post={post} to={`/staff/review/${encodeURIComponent(post.id)}`} />
                {post.authorId === staff.id && hasRole("approver") && (
                  <p className="field-hint">Bài do bạn soạn: người khác phải duyệt.</p>
                )}
              </li>
            ))}
          </ul>
        ))}
    </StaffPage>
  );
}
