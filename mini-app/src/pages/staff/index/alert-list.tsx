import { formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchStaffAlerts, type StaffAlert } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { alertKindLabel } from "../../../utils/staff-labels";

/** How many alerts the dashboard lists; the rest are counted. */
const shown = 5;

/** Alerts for staff, newest first: e.g. a group head who has not relayed a broadcast after the second deadline. */
export function AlertList() {
  const { withStaffToken } = useStaff();
  const alerts = useResource("staff-alerts", (signal) =>
    withStaffToken((token) => fetchStaffAlerts(token, signal)),
  );

  return (
    <section aria-labelledby="staff-alerts-heading">
      <h2 id="staff-alerts-heading" className="section-title">
        Cảnh báo
      </h2>
      {alerts.status === "loading" && <LoadingView label="Đang tải cảnh báo…" />}
      {alerts.status === "failed" && <ErrorView message={alerts.message} onRetry={alerts.reload} />}
      {alerts.status === "ready" && alerts.data.items.length === 0 && (
        <p className="muted">Không có cảnh báo nào.</p>
      )}
      {alerts.status === "ready" && alerts.data.items.length > 0 && (
        <>
          <ul className="staff-list" aria-label="Cảnh báo">
            {alerts.data.items.slice(0, shown).map((alert) => (
              <li key={alert.id}>
                <AlertRow alert={alert} />
              </li>
            ))}
          </ul>
          {alerts.data.items.length > shown && (
            <p className="muted">Còn {alerts.data.items.length - shown} cảnh báo cũ hơn.</p>
          )}
        </>
      )}
    </section>
  );
}

function AlertRow({ alert }: { alert: StaffAlert }) {
  return (
    <div className={`staff-row${alert.readAt ? "" : " alert-unread"}`}>
      <span className="staff-row-title">
        {alertKindLabel(alert.kind)}
        {!alert.readAt && <span className="status-pill status-urgent alert-new">Mới</span>}
      </span>
      <span>{alert.message}</span>
      <span className="staff-row-meta">
        <time className="muted-inline" dateTime={alert.createdAt}>
          {formatDateTime(alert.createdAt)}
        </time>
        {alert.kind === "webhook_events_set_aside" && (
          <>
            {" · "}
            <Link to="/staff/zalo-events" className="text-link">
              Xem sự kiện để riêng
            </Link>
          </>
        )}
        {alert.broadcastId && (
          <>
            {" · "}
            <Link
              to={`/staff/broadcasts/${encodeURIComponent(alert.broadcastId)}/relay`}
              className="text-link"
            >
              Xem bảng chuyển tiếp
            </Link>
          </>
        )}
      </span>
    </div>
  );
}
