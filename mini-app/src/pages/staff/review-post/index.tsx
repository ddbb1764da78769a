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
import { DiffField, ValueField } from "./diff-view";
import { ImageDiff } from "./image-diff";
import { PollDiff } from "./poll-diff";
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

/** What urgency means for the residents, as the approver must know it before approving. */
const urgencyLabel = (isUrgent: boolean) =>
  isUrgent
    ? "Khẩn: gửi cả trong giờ yên lặng, không tính giới hạn tin trong ngày, " +
      "nhắc lại qua số điện thoại người chưa xem"
    : "Không khẩn";

function ReviewBody({ review }: { review: PostReview }) {
  const { post, lastApproved, campaign } = review;
  // The frozen submitted version is what approval refers to; the live row only if none was frozen.
  const submitted = review.submitted ?? {
    version: post.version,
    title: post.title,
    summary: post.summary,
    body: post.body,
    imageUrl: post.imageUrl,
    poll: post.poll,
    isUrgent: post.isUrgent,
  };
  // A brand-new post has nothing before it: every field it carries is added.
  const before = (value: string) => (lastApproved ? value : "");
  const urgencyBefore =
    lastApproved?.isUrgent === null ? undefined : before(urgencyLabel(lastApproved?.isUrgent ?? false));

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
            "phần thêm gạch chân màu xanh, phần bỏ gạch ngang màu đỏ. Mọi phần dưới đây sẽ được gửi."
          : "Bài mới, chưa có phiên bản nào được duyệt: toàn bộ nội dung dưới đây là phần thêm " +
            "và sẽ được gửi."}
      </p>
      <ValueField label="Loại bài" before={before(kindLabel(post.kind))} after={kindLabel(post.kind)} />
      <ValueField
        label="Mức khẩn"
        before={urgencyBefore}
        after={urgencyLabel(submitted.isUrgent ?? post.isUrgent)}
        unknownNote="phiên bản đã duyệt không ghi mức khẩn"
      />
      <ValueField label="Chiến dịch" before={before(campaign?.title ?? "")} after={campaign?.title ?? ""} />
      <DiffField label="Tiêu đề" before={lastApproved?.title ?? ""} after={submitted.title} />
      <DiffField label="Tóm tắt" before={lastApproved?.summary ?? ""} after={submitted.summary ?? ""} />
      <DiffField label="Nội dung" before={lastApproved?.body ?? ""} after={submitted.body} isLong />
      <ImageDiff before={lastApproved?.imageUrl ?? ""} after={submitted.imageUrl ?? ""} />
      <PollDiff before={lastApproved?.poll ?? null} after={submitted.poll} />
      <ReviewActions post={post} />
      <p>
        <Link to="/staff/review" className="text-link">
          Về hàng chờ duyệt
        </Link>
      </p>
    </article>
  );
}
