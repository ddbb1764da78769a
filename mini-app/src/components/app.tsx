import { lazy, Suspense } from "react";
import { useLocation } from "react-router-dom";
import { App, ZMPRouter } from "zmp-ui";
import { useZaloDeepLinks } from "../hooks/use-zalo-deep-links";
import { ResidentApp } from "./resident-app";
import { LoadingView } from "./status-views";

// Ward staff's screens, with their own sign-in: loaded on demand so residents never download them.
const StaffApp = lazy(() => import("./staff/staff-app"));

/**
 * Providers and routes. ZMPRouter prefixes /zapps/<APP_ID> in production builds (how Zalo and the
 * ward server host the app), so the paths below are relative to the app.
 */
export function LoaPhuongApp() {
  return (
    <App theme="light">
      <ZMPRouter>
        <ZaloDeepLinks />
        <ResidentOrStaff />
      </ZMPRouter>
    </App>
  );
}

/** /staff/… belongs to ward staff: the resident's sign-in gate must neither start nor block there. */
function ResidentOrStaff() {
  const { pathname } = useLocation();
  if (pathname === "/staff" || pathname.startsWith("/staff/")) {
    return (
      <Suspense fallback={<LoadingView />}>
        <StaffApp />
      </Suspense>
    );
  }
  return <ResidentApp />;
}

function ZaloDeepLinks() {
  useZaloDeepLinks();
  return null;
}
