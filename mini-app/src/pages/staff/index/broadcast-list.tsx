import { formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchBroadcasts } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { broadcastStatusLabels } from "../../../utils/staff-labels";

/** The latest broadcasts, each opening its live progress page. */
export function BroadcastList() {
  const { withStaffToken } = useStaff();
  const broadcasts = useResource("staff-broadcasts", (signal) =>
    withStaffToken((token) => fetchBroadcasts(token, { limit: 10 }, signal)),
  );

  return (
    <section aria-labelledby="staff-broadcasts-heading">
      <h2 id="staff-broadcasts-heading" className="section-title">
        Đợt gửi gần đây
      </h2>
      {broadcasts.status === "loading" && <LoadingView label="Đang tải đợt gửi…" />}
      {broadcasts.status === "failed" && (
        <ErrorView message={broadcasts.message} onRetry={broadcasts.reload} />
      )}
      {broadcasts.status === "ready" &&
        (broadcasts.data.items.length === 0 ? (
          <EmptyView>Chưa có đợt gửi nào.</EmptyView>
        ) : (
          <ul className="staff-list">
            {broadcasts.data.items.map((broadcast) => (
              <li key={broadcast.id}>
                <Link to={`/staff/broadcasts/${encodeURIComponent(broadcast.id)}`} className="staff-row">
                  <span className="staff-row-title">{broadcast.postTitle}</span>
                  <span className="staff-row-meta">
                    <span className={`status-pill broadcast-${broadcast.status}`}>
                      {broadcastStatusLabels[broadcast.status] ?? broadcast.status}
                    </span>{" "}
                    <span className="muted-inline">
                      {broadcast.startedAt ? "Bắt đầu" : "Hẹn gửi"}{" "}
                      <time dateTime={broadcast.startedAt ?? broadcast.scheduledAt}>
                        {formatDateTime(broadcast.startedAt ?? broadcast.scheduledAt)}
                      </time>
                      {broadcast.recipientCount !== null && ` · ${broadcast.recipientCount} người nhận`}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
