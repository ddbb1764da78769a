import { formatDateTime } from "@loa-phuong/shared/client";
import { Button } from "zmp-ui";
import { ActionError, StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import {
  fetchSetAsideEvents,
  retrySetAsideEvent,
  type SetAsideEvent,
} from "../../../services/staff-admin-api";
import { useStaff } from "../../../state/staff-session";

/**
 * For admins: Zalo events the server set aside after they failed again and again (the others went
 * on). Each shows why; once the cause is fixed, "Thử lại" puts it back in line.
 */
export default function SetAsideEventsPage() {
  const { withStaffToken, hasRole } = useStaff();
  const isAdmin = hasRole("admin");
  // Only admins may list them: nobody else asks the server.
  const events = useResource("staff-set-aside-events", (signal) =>
    isAdmin ? withStaffToken((token) => fetchSetAsideEvents(token, signal)) : Promise.resolve({ items: [] }),
  );

  return (
    <StaffPage title="Sự kiện Zalo để riêng">
      <h1 className="page-title">Sự kiện Zalo để riêng</h1>
      {!isAdmin && <p className="muted">Chỉ quản trị viên xem được mục này.</p>}
      {isAdmin && (
        <>
          <p className="muted">
            Sự kiện Zalo (tin nhắn, xác nhận đã nhận, quan tâm OA…) không áp dụng được sau nhiều lần thử được
            để riêng, để các sự kiện khác vẫn được xử lý. Nội dung tin nhắn của người dân không hiển thị ở
            đây.
          </p>
          {events.status === "loading" && <LoadingView label="Đang tải…" />}
          {events.status === "failed" && <ErrorView message={events.message} onRetry={events.reload} />}
          {events.status === "ready" &&
            (events.data.items.length === 0 ? (
              <EmptyView>Không có sự kiện nào bị để riêng.</EmptyView>
            ) : (
              <ul className="staff-list" aria-label="Sự kiện Zalo để riêng">
                {events.data.items.map((event) => (
                  <li key={event.id}>
                    <SetAsideRow event={event} onRetried={events.reload} />
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
    </StaffPage>
  );
}

function SetAsideRow({ event, onRetried }: { event: SetAsideEvent; onRetried(): void }) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không thử lại được sự kiện này, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const retry = () =>
    run(async () => {
      await withStaffToken((token) => retrySetAsideEvent(token, event.id));
      onRetried();
    });

  return (
    <div className="staff-row">
      <span className="staff-row-title">
        Sự kiện #{event.id}: {event.eventName}
      </span>
      <span>Lý do: {event.reason ?? "không rõ"}</span>
      <span className="staff-row-meta muted-inline">
        Nhận lúc <time dateTime={event.receivedAt}>{formatDateTime(event.receivedAt)}</time> · để riêng lúc{" "}
        <time dateTime={event.setAsideAt}>{formatDateTime(event.setAsideAt)}</time> · {event.failures} lần lỗi
      </span>
      <Button
        variant="secondary"
        size="small"
        loading={isBusy}
        disabled={isBusy}
        onClick={() => void retry()}
        aria-label={`Thử lại sự kiện #${event.id}`}
      >
        Thử lại
      </Button>
      <ActionError message={error} />
    </div>
  );
}
