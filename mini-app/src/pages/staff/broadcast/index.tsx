import { formatDateTime } from "@loa-phuong/shared/client";
import { Link, useParams } from "react-router-dom";
import { StaffPage } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { kindLabel } from "../../../utils/post-kind";
import { broadcastStatusLabels } from "../../../utils/staff-labels";
import { BroadcastControls } from "./broadcast-controls";
import { ChannelTable } from "./channel-table";
import { GroupTable } from "./group-table";
import { ProgressSummary } from "./progress-summary";
import { type LiveMode, useBroadcastProgress } from "./use-broadcast-progress";

const liveLabels: Record<LiveMode, string> = {
  stream: "Đang cập nhật trực tiếp.",
  polling: "Tự cập nhật mỗi 2 giây.",
  finished: "Đợt gửi đã kết thúc.",
};

/** /staff/broadcasts/:id: live progress, per-channel and per-group breakdowns, and pause / resume / cancel. */
export default function BroadcastPage() {
  const { id = "" } = useParams();
  const live = useBroadcastProgress(id);

  return (
    <StaffPage title="Đợt gửi">
      {live.status === "loading" && <LoadingView label="Đang tải tiến độ gửi…" />}
      {live.status === "failed" && <ErrorView message={live.message} onRetry={live.retry} />}
      {live.status === "ready" && (
        <>
          <h1 className="page-title">{live.progress.post.title}</h1>
          <p className="muted">
            <span className={`kind-label kind-${live.progress.post.kind}`}>
              {kindLabel(live.progress.post.kind)}
            </span>{" "}
            <span className={`status-pill broadcast-${live.progress.broadcast.status}`}>
              {broadcastStatusLabels[live.progress.broadcast.status] ?? live.progress.broadcast.status}
            </span>{" "}
            <Link to={`/staff/posts/${encodeURIComponent(live.progress.post.id)}`} className="text-link">
              Xem bài viết
            </Link>
            {" · "}
            <Link
              to={`/staff/broadcasts/${encodeURIComponent(id)}/relay`}
              state={{ title: live.progress.post.title }}
              className="text-link"
            >
              Chuyển tiếp của tổ trưởng
            </Link>
          </p>
          {live.progress.broadcast.status === "paused" && (
            <p className="hint-box" role="status">
              {pauseReasonText(live.progress.pauseReason)}
            </p>
          )}
          <Times broadcast={live.progress.broadcast} />
          <ProgressSummary progress={live.progress} />
          <p className="muted live-note">
            {live.isStale
              ? "Mất kết nối, đang thử lại… (số liệu có thể chưa mới nhất)"
              : liveLabels[live.mode]}
          </p>
          <BroadcastControls broadcast={live.progress.broadcast} onChanged={live.applyBroadcast} />
          <ChannelTable progress={live.progress} />
          <GroupTable groups={live.progress.groups} />
        </>
      )}
    </StaffPage>
  );
}

function Times({
  broadcast,
}: {
  broadcast: { scheduledAt: string; startedAt: string | null; finishedAt: string | null };
}) {
  const rows: [string, string | null][] = [
    ["Hẹn gửi", broadcast.scheduledAt],
    ["Bắt đầu", broadcast.startedAt],
    ["Kết thúc", broadcast.finishedAt],
  ];
  return (
    <dl className="fact-list">
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([label, at]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <time dateTime={at}>{formatDateTime(at)}</time>
            </dd>
          </div>
        ))}
    </dl>
  );
}

function pauseReasonText(reason: string | null): string {
  if (reason === "error_rate") return "Tự động tạm dừng do tỉ lệ lỗi cao.";
  if (reason === "oa_authorization")
    return (
      "Tự động tạm dừng: ứng dụng mất quyền gửi tin OA. " +
      "Cấp lại quyền OA rồi bấm “Tiếp tục” để gửi tiếp cho những người chưa nhận."
    );
  return "Đợt gửi đang tạm dừng.";
}
