import type { PostReview } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { Link, useParams } from "react-router-dom";
import { StaffPage } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchPostReview } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { kindLabel } from "../../../utils/post-kind";
import { postStatusLabels } from "../../../utils/staff-labels";
import { DiffField } from "./diff-view";
import { ReviewActions } from "./review-actions";

/** /staff/review/:id: the submitted version against the last approved one, then approve or reject. */
export default function ReviewPostPage() {
  const { id = "" } = useParams();
  const { withStaffToken } = useStaff();
  const review = useResource(`review:${id}`, (signal) =>
    withStaffToken((token) => fetchPostReview(token, id, signal)),
  );

  return (
    <StaffPage title="Duyệt bài">
      {review.status === "loading" && <LoadingView label="Đang tải bài cần duyệt…" />}
      {review.status === "failed" && <ErrorView message={review.message} onRetry={review.reload} />}
      {review.status === "ready" && <ReviewBody review={review.data} />}
    </StaffPage>
  );
}

function ReviewBody({ review }: { review: PostReview }) {
  const { post, lastApproved } = review;
  // The frozen submitted version is what approval refers to; the live row only if none was frozen.
  const submitted = review.submitted ?? {
    version: post.version,
    title: post.title,
    summary: post.summary,
    body: post.body,
    imageUrl: post.imageUrl,
  };
  const before = lastApproved ?? { title: "", summary: "", body: "", imageUrl: null, version: 0 };

  return (
    <article className="review">
      <h1 className="page-title">{submitted.title}</h1>
      <p className="muted">
        <span className={`kind-label kind-${post.kind}`}>{kindLabel(post.kind)}</span>{" "}
        <span className={`status-pill status-${post.status}`}>
          {postStatusLabels[post.status] ?? post.status}
        </span>
        {post.isUrgent && <span className="status-pill status-urgent">Khẩn</span>} · Phiên bản{" "}
        {submitted.version} · Cập nhật <time dateTime={post.updatedAt}>{formatDateTime(post.updatedAt)}</time>
      </p>
      <p className="hint-box">
        {lastApproved
          ? `So sánh với phiên bản đã duyệt gần nhất (phiên bản ${lastApproved.version}): ` +
            "phần thêm gạch chân màu xanh, phần bỏ gạch ngang màu đỏ."
          : "Bài mới, chưa có phiên bản nào được duyệt: toàn bộ nội dung là phần thêm."}
      </p>
      <DiffField label="Tiêu đề" before={before.title} after={submitted.title} />
      <DiffField label="Tóm tắt" before={before.summary ?? ""} after={submitted.summary ?? ""} />
      <DiffField label="Nội dung" before={before.body} after={submitted.body} isLong />
      {(before.imageUrl ?? "") !== (submitted.imageUrl ?? "") && (
        <DiffField label="Ảnh minh hoạ" before={before.imageUrl ?? ""} after={submitted.imageUrl ?? ""} />
      )}
      <ReviewActions post={post} />
      <p>
        <Link to="/staff/review" className="text-link">
          Về hàng chờ duyệt
        </Link>
      </p>
    </article>
  );
}
