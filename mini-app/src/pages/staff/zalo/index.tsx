import { formatDateTime } from "@loa-phuong/shared/client";
import { useSearchParams } from "react-router-dom";
import { Button } from "zmp-ui";
import { ActionError, StaffPage } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import {
  fetchOaConnection,
  fetchWebhookHealth,
  type OaConnection,
  startOaConnection,
  type WebhookHealth,
} from "../../../services/staff-admin-api";
import { useStaff } from "../../../state/staff-session";
import { ChannelsSection } from "./channels-section";

/** Days from now to a time; negative once it has passed. */
const daysUntil = (iso: string) => Math.floor((Date.parse(iso) - Date.now()) / 86_400_000);

/**
 * For admins: the ward's Zalo OA as connected to the app. "Kết nối" opens Zalo's consent screen;
 * Zalo sends the admin back here with the result (?ket-qua or ?loi).
 */
export default function OaConnectionPage() {
  const { withStaffToken, hasRole } = useStaff();
  const isAdmin = hasRole("admin");
  const [params] = useSearchParams();
  const connection = useResource("staff-oa-connection", (signal) =>
    isAdmin ? withStaffToken((token) => fetchOaConnection(token, signal)) : Promise.resolve(null),
  );
  const { isBusy, error, run } = useAction("Không mở được trang cấp quyền của Zalo, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const connect = () =>
    run(async () => {
      const { permissionUrl } = await withStaffToken((token) => startOaConnection(token));
      window.location.assign(permissionUrl);
    });

  return (
    <StaffPage title="Kết nối Zalo OA">
      <h1 className="page-title">Kết nối Zalo OA</h1>
      {!isAdmin && <p className="muted">Chỉ quản trị viên xem được mục này.</p>}
      {isAdmin && (
        <>
          {params.get("ket-qua") === "da-ket-noi" && (
            <p className="notice-banner" role="status">
              Đã kết nối Zalo OA của phường.
            </p>
          )}
          {params.get("loi") && (
            <p className="action-error" role="alert">
              {params.get("loi")}
            </p>
          )}
          {connection.status === "loading" && <LoadingView label="Đang tải…" />}
          {connection.status === "failed" && (
            <ErrorView message={connection.message} onRetry={connection.reload} />
          )}
          {connection.status === "ready" && connection.data && (
            <ConnectionFacts connection={connection.data} />
          )}
          <p className="muted">
            “Kết nối” mở trang cấp quyền của Zalo: đăng nhập bằng tài khoản quản trị OA của phường và bấm “Cho
            phép”. Kết nối lại khi Zalo báo mất quyền hoặc mã làm mới sắp hết hạn.
          </p>
          <Button loading={isBusy} disabled={isBusy} onClick={() => void connect()}>
            {connection.status === "ready" && connection.data?.connected ? "Kết nối lại" : "Kết nối Zalo OA"}
          </Button>
          <ActionError message={error} />
          <ChannelsSection />
          <WebhookSection />
        </>
      )}
    </StaffPage>
  );
}

function ConnectionFacts({ connection }: { connection: OaConnection }) {
  const refreshDays = connection.refreshExpiresAt ? daysUntil(connection.refreshExpiresAt) : null;
  return (
    <dl className="staff-facts">
      <dt>Trạng thái</dt>
      <dd>
        <span className={`status-pill ${connection.connected ? "broadcast-sent" : "broadcast-cancelled"}`}>
          {connection.connected ? "Đã kết nối" : "Chưa kết nối"}
        </span>
      </dd>
      <dt>OA</dt>
      <dd>{connection.oaId}</dd>
      {connection.connectedAt && (
        <>
          <dt>Cấp quyền lúc</dt>
          <dd>{formatDateTime(connection.connectedAt)}</dd>
        </>
      )}
      {connection.accessExpiresAt && (
        <>
          <dt>Mã truy cập hết hạn</dt>
          <dd>{formatDateTime(connection.accessExpiresAt)} (tự làm mới)</dd>
        </>
      )}
      {connection.refreshExpiresAt && refreshDays !== null && (
        <>
          <dt>Mã làm mới hết hạn</dt>
          <dd>
            {formatDateTime(connection.refreshExpiresAt)}
            {refreshDays <= 14 && " — sắp hết hạn, hãy kết nối lại"}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The webhook as Zalo uses it: events arriving, signatures Zalo got wrong (or forged requests). */
function WebhookSection() {
  const { withStaffToken } = useStaff();
  const health = useResource("staff-webhook-health", (signal) =>
    withStaffToken((token) => fetchWebhookHealth(token, signal)),
  );
  return (
    <section aria-labelledby="webhook-heading">
      <h2 id="webhook-heading" className="section-title">
        Webhook Zalo
      </h2>
      {health.status === "loading" && <LoadingView label="Đang tải…" />}
      {health.status === "failed" && <ErrorView message={health.message} onRetry={health.reload} />}
      {health.status === "ready" && <WebhookFacts health={health.data} />}
    </section>
  );
}

function WebhookFacts({ health }: { health: WebhookHealth }) {
  return (
    <dl className="staff-facts">
      <dt>Sự kiện gần nhất</dt>
      <dd>{health.lastEventAt ? formatDateTime(health.lastEventAt) : "chưa nhận sự kiện nào"}</dd>
      <dt>Sự kiện trong 1 giờ qua</dt>
      <dd>{health.eventsLastHour}</dd>
      <dt>Chữ ký sai trong 1 giờ qua</dt>
      <dd>{health.signatureFailuresLastHour}</dd>
      <dt>Sự kiện để riêng</dt>
      <dd>{health.setAside}</dd>
    </dl>
  );
}
