import { lazy, type ReactNode, Suspense } from "react";
import { Button, Page } from "zmp-ui";
import { runtimeConfig } from "../config";
import { useSessionContext } from "../state/session";
import { AppHeader } from "./app-header";
import { ErrorView, LoadingView } from "./status-views";

// Demo-only screen, loaded on demand so that residents inside Zalo never download it.
const PersonaPickerPage = lazy(() => import("../pages/persona-picker"));

/**
 * Shows the app only to a signed-in resident. The URL is left alone while signing in, so a deep
 * link such as /post/42?ref=d-123 opens its page (query included) once the sign-in is done.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state, retry } = useSessionContext();
  switch (state.status) {
    case "signed-in":
      return <>{children}</>;
    case "choosing-persona":
      return (
        <Suspense
          fallback={
            <GateScreen>
              <LoadingView />
            </GateScreen>
          }
        >
          <PersonaPickerPage />
        </Suspense>
      );
    case "starting":
      return (
        <GateScreen>
          <LoadingView label="Đang đăng nhập…" />
        </GateScreen>
      );
    case "outside-zalo":
      return (
        <GateScreen>
          <h1 className="gate-message">Vui lòng mở Loa Phường trong ứng dụng Zalo.</h1>
        </GateScreen>
      );
    case "signed-out":
      return (
        <GateScreen>
          <h1 className="gate-message">Bạn đã đăng xuất</h1>
          <p role="status" className="gate-notice">
            {state.message}
          </p>
          <div className="gate-actions">
            <Button variant="secondary" onClick={retry}>
              {runtimeConfig.demo ? "Chọn người dùng khác" : "Mở lại Loa Phường"}
            </Button>
          </div>
        </GateScreen>
      );
    case "failed":
      return (
        <GateScreen>
          <h1 className="visually-hidden">Không đăng nhập được</h1>
          <ErrorView message={state.message} onRetry={retry} />
        </GateScreen>
      );
  }
}

function GateScreen({ children }: { children: ReactNode }) {
  return (
    <Page className="page">
      <AppHeader title="Loa Phường" />
      <main className="page-content">{children}</main>
    </Page>
  );
}
