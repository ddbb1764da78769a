import { formatDate } from "@loa-phuong/shared/client";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { fetchSchedules, type RecurringSchedule, stopSchedule } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { describeRecurrence } from "../../../utils/staff-labels";

/** Recurring broadcasts (e.g. the weekly education bulletin); editors can stop one. */
export function ScheduleList() {
  const { withStaffToken } = useStaff();
  const schedules = useResource("staff-schedules", (signal) =>
    withStaffToken((token) => fetchSchedules(token, signal)),
  );

  return (
    <section aria-labelledby="staff-schedules-heading">
      <h2 id="staff-schedules-heading" className="section-title">
        Lịch gửi định kỳ
      </h2>
      {schedules.status === "loading" && <LoadingView label="Đang tải lịch gửi…" />}
      {schedules.status === "failed" && <ErrorView message={schedules.message} onRetry={schedules.reload} />}
      {schedules.status === "ready" &&
        (schedules.data.items.length === 0 ? (
          <EmptyView>Chưa có lịch gửi định kỳ nào.</EmptyView>
        ) : (
          <ul className="staff-list">
            {schedules.data.items.map((schedule) => (
              <li key={schedule.id}>
                <ScheduleRow schedule={schedule} onStopped={schedules.reload} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function ScheduleRow({ schedule, onStopped }: { schedule: RecurringSchedule; onStopped(): void }) {
  const { withStaffToken, hasRole } = useStaff();
  // Stopped, the row is replaced when the list reloads.
  const { isBusy, error, run } = useAction("Không dừng được lịch gửi, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const title = schedule.postTitle ?? "Bài viết";

  const stop = () =>
    run(async () => {
      await withStaffToken((token) => stopSchedule(token, schedule.id));
      onStopped();
    });

  return (
    <div className="staff-row">
      <span className="staff-row-title">{title}</span>
      <span className="staff-row-meta">
        <span className={`status-pill ${schedule.isActive ? "broadcast-sending" : "broadcast-cancelled"}`}>
          {schedule.isActive ? "Đang chạy" : "Đã dừng"}
        </span>{" "}
        <span className="muted-inline">
          {describeRecurrence(schedule.pattern)}
          {schedule.endsAt && ` · đến ${formatDate(schedule.endsAt)}`}
        </span>
      </span>
      {schedule.isActive && hasRole("editor") && (
        <Button
          variant="tertiary"
          size="small"
          loading={isBusy}
          disabled={isBusy}
          onClick={() => void stop()}
          aria-label={`Dừng lịch gửi: ${title}`}
        >
          Dừng lịch
        </Button>
      )}
      <ActionError message={error} />
    </div>
  );
}
