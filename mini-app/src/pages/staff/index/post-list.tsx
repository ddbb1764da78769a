import type { Post, PostStatus } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchPosts } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { kindLabel } from "../../../utils/post-kind";
import { postStatuses, postStatusLabels } from "../../../utils/staff-labels";

/** The ward's posts, newest change first, filtered by status with toggle buttons. */
export function PostList({
  status,
  onStatusChange,
}: {
  status: PostStatus | null;
  onStatusChange(status: PostStatus | null): void;
}) {
  const { withStaffToken } = useStaff();
  const posts = useResource(`staff-posts:${status ?? "all"}`, (signal) =>
    withStaffToken((token) => fetchPosts(token, { status, limit: 50 }, signal)),
  );
  const options: { status: PostStatus | null; label: string }[] = [
    { status: null, label: "Tất cả" },
    ...postStatuses.map((value) => ({ status: value, label: postStatusLabels[value] })),
  ];

  return (
    <section aria-labelledby="staff-posts-heading">
      <h2 id="staff-posts-heading" className="section-title">
        Bài viết
      </h2>
      <fieldset className="kind-filter" aria-label="Lọc theo trạng thái">
        {options.map((option) => (
          <button
            key={option.status ?? "all"}
            type="button"
            className="chip"
            aria-pressed={status === option.status}
            onClick={() => onStatusChange(option.status)}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      {posts.status === "loading" && <LoadingView label="Đang tải bài viết…" />}
      {posts.status === "failed" && <ErrorView message={posts.message} onRetry={posts.reload} />}
      {posts.status === "ready" &&
        (posts.data.items.length === 0 ? (
          <EmptyView>
            {status ? `Không có bài nào “${postStatusLabels[status]}”.` : "Chưa có bài viết nào."}
          </EmptyView>
        ) : (
          <ul className="staff-list">
            {posts.data.items.map((post) => (
              <li key={post.id}>
                <PostRow post={post} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

export function PostRow({
  post,
  to = `/staff/posts/${encodeURIComponent(post.id)}`,
}: {
  post: Post;
  to?: string;
}) {
  return (
    <Link to={to} className="staff-row">
      <span className="staff-row-title">{post.title}</span>
      <span className="staff-row-meta">
        <span className={`kind-label kind-${post.kind}`}>{kindLabel(post.kind)}</span>{" "}
        <span className={`status-pill status-${post.status}`}>
          {postStatusLabels[post.status] ?? post.status}
        </span>
        {post.isUrgent && <span className="status-pill status-urgent">Khẩn</span>}{" "}
        <span className="muted-inline">
          Cập nhật <time dateTime={post.updatedAt}>{formatDateTime(post.updatedAt)}</time>
        </span>
      </span>
      {post.status === "rejected" && post.rejectionReason && (
        <span className="staff-row-note">Lý do từ chối: {post.rejectionReason}</span>
      )}
    </Link>
  );
}
