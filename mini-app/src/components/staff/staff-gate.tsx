import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useStaffSessionContext } from "../../state/staff-session";
import { ErrorView, LoadingView } from "../status-views";
import { StaffPage } from "./staff-page";

/** Shows a staff screen only to a signed-in staff member; otherwise sends them to sign in, then back here. */
export function StaffGate({ children }: { children: ReactNode }) {
  const { state, retry } = useStaffSessionContext();
  const location = useLocation();
  switch (state.status) {
    case "signed-in":
      return <>{children}</>;
    case "checking":
      return (
        <StaffPage title="Loa Phường – Cán bộ" showBack={false}>
          <LoadingView label="Đang kiểm tra đăng nhập…" />
        </StaffPage>
      );
    case "failed":
      return (
        <StaffPage title="Loa Phường – Cán bộ" showBack={false}>
          <h1 className="visually-hidden">Không kiểm tra được đăng nhập</h1>
          <ErrorView message={state.message} onRetry={retry} />
        </StaffPage>
      );
    case "signed-out": {
      const next = location.pathname + location.search;
      return <Navigate to={`/staff/login?next=${encodeURIComponent(next)}`} replace />;
    }
  }
}
