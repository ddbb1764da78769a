import { useLocation, useSearchParams } from "react-router-dom";
import { NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { isPostStatus } from "../../../utils/staff-labels";
import { AlertList } from "./alert-list";
import { BroadcastList } from "./broadcast-list";
import { PostList } from "./post-list";
import { ScheduleList } from "./schedule-list";
import { StaffGreeting } from "./staff-greeting";

/** The staff dashboard: who is signed in, alerts, their posts by status, recent broadcasts and recurring schedules. */
export default function StaffDashboardPage() {
  // The filter lives in the URL so that coming back from a post keeps it.
  const [params, setParams] = useSearchParams();
  const requested = params.get("status");
  const status = isPostStatus(requested) ? requested : null;
  const notice = (useLocation().state as { notice?: string } | null)?.notice;

  return (
    <StaffPage title="Loa Phường – Cán bộ" showBack={false}>
      <NoticeBanner notice={notice} />
      <StaffGreeting />
      <AlertList />
      <PostList
        status={status}
        onStatusChange={(next) => setParams(next ? { status: next } : {}, { replace: true })}
      />
      <BroadcastList />
      <ScheduleList />
    </StaffPage>
  );
}
