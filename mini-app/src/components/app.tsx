import { lazy, Suspense } from "react";
import { Navigate, Route, useLocation } from "react-router-dom";
import { AnimationRoutes, App, ZMPRouter } from "zmp-ui";
import { useZaloDeepLinks } from "../hooks/use-zalo-deep-links";
import HomePage from "../pages/index";
import PostPage from "../pages/post";
import { SessionProvider } from "../state/session";
import { SessionGate } from "./session-gate";
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
  return (
    <SessionProvider>
      <SessionGate>
        <AnimationRoutes>
          <Route path="/" element={<HomePage />} />
          <Route path="/post/:id" element={<PostPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </AnimationRoutes>
      </SessionGate>
    </SessionProvider>
  );
}

function ZaloDeepLinks() {
  useZaloDeepLinks();
  return null;
}
