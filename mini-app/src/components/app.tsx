import { Navigate, Route } from "react-router-dom";
import { AnimationRoutes, App, ZMPRouter } from "zmp-ui";
import { useZaloDeepLinks } from "../hooks/use-zalo-deep-links";
import HomePage from "../pages/index";
import PostPage from "../pages/post";
import { SessionProvider } from "../state/session";
import { SessionGate } from "./session-gate";

/**
 * Providers and routes. ZMPRouter prefixes /zapps/<APP_ID> in production builds (how Zalo and the
 * ward server host the app), so the paths below are relative to the app.
 */
export function LoaPhuongApp() {
  return (
    <App theme="light">
      <ZMPRouter>
        <ZaloDeepLinks />
        <SessionProvider>
          <SessionGate>
            <AnimationRoutes>
              <Route path="/" element={<HomePage />} />
              <Route path="/post/:id" element={<PostPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </AnimationRoutes>
          </SessionGate>
        </SessionProvider>
      </ZMPRouter>
    </App>
  );
}

function ZaloDeepLinks() {
  useZaloDeepLinks();
  return null;
}
