import { Link, useLocation, useParams } from "react-router-dom";
import { StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchBroadcastProgress, fetchRelayBoard } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { CsvLink } from "./csv-link";
import { RelaySummary } from "./relay-summary";
import { RelayTable } from "./relay-table";

/** /staff/broadcasts/:id/relay: which group heads forwarded the broadcast, when, and what it reached. */
export default function RelayBoardPage() {
  const { id = "" } = useParams();
  const { withStaffToken } = useStaff();
  const board = useResource(`relay:${id}`, (signal) =>
    withStaffToken((token) => fetchRelayBoard(token, id, signal)),
  );
  const title = useBroadcastTitle(id);
  const broadcastPath = `/staff/broadcasts/${encodeURIComponent(id)}`;

  return (
    <StaffPage title="Chuyển tiếp của tổ trưởng">
      <h1 className="page-title">{title ? `Chuyển tiếp: ${title}` : "Bảng chuyển tiếp"}</h1>
      <p className="muted">
        <Link to={broadcastPath} className="text-link">
          Xem tiến độ gửi
        </Link>
      </p>
      {board.status === "loading" && <LoadingView label="Đang tải bảng chuyển tiếp…" />}
      {board.status === "failed" && <ErrorView message={board.message} onRetry={board.reload} />}
      {board.status === "ready" && (
        <section className="staff-card" aria-labelledby="relay-heading">
          <h2 id="relay-heading" className="section-title section-title-first">
            Theo tổ dân phố
          </h2>
          {board.data.items.length === 0 ? (
            <EmptyView>Đợt gửi này chưa có nhiệm vụ chuyển tiếp cho tổ dân phố nào.</EmptyView>
          ) : (
            <>
              <RelaySummary rows={board.data.items} />
              <div className="action-row">
                <CsvLink broadcastId={id} />
                <button type="button" className="link-button" onClick={board.reload}>
                  Tải lại
                </button>
              </div>
              <p className="field-hint relay-legend">
                Tin OA: đã gửi / đã nhận / đã xem / xem trong Mini App, trên số người nhận của tổ. Lượt mở: số
                người dân khác nhau / tổng số lượt mở bài qua link tổ trưởng chia sẻ.
              </p>
              <RelayTable rows={board.data.items} />
            </>
          )}
        </section>
      )}
    </StaffPage>
  );
}

/** The post's title: passed along by the broadcast page, else read from the broadcast's progress. */
function useBroadcastTitle(broadcastId: string): string | null {
  const passed = (useLocation().state as { title?: string } | null)?.title ?? null;
  const { withStaffToken } = useStaff();
  const progress = useResource(`relay-title:${passed ? "passed" : broadcastId}`, (signal) =>
    passed
      ? Promise.resolve(null)
      : withStaffToken((token) => fetchBroadcastProgress(token, broadcastId, signal)),
  );
  if (passed) return passed;
  return progress.status === "ready" ? (progress.data?.post.title ?? null) : null;
}
