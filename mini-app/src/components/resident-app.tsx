import { lazy, useLayoutEffect } from "react";
import { Navigate, Route } from "react-router-dom";
import { AnimationRoutes } from "zmp-ui";
import "../css/resident.css";
import "../css/resident-screens.css";
import "../css/engagement.css";
import HomePage from "../pages/index";
import { RelayArrivalProvider } from "../state/relay-arrival";
import { SessionProvider, useSessionContext } from "../state/session";
import { applyLargeText, applySavedTextSize, clearTextSize } from "../state/text-size";
import { BottomNav } from "./bottom-nav";
import { LazyPage } from "./lazy-page";
import { OnboardingGate } from "./onboarding-gate";
import { SessionGate } from "./session-gate";

// Every screen but the feed is loaded on demand: the first screen stays small on a cheap phone.
const PostPage = lazy(() => import("../pages/post"));
const ReportPage = lazy(() => import("../pages/report"));
const HeadPage = lazy(() => import("../pages/head"));
const OpinionReportPage = lazy(() => import("../pages/head-opinion"));
const MessageCheckPage = lazy(() => import("../pages/head-check"));
const ProfilePage = lazy(() => import("../pages/profile"));
const MyDataPage = lazy(() => import("../pages/my-data"));
const NominatePage = lazy(() => import("../pages/nominate"));
const TasksPage = lazy(() => import("../pages/tasks"));

/** The residents' app: sign-in, onboarding, then the screens and the bottom navigation. */
export function ResidentApp() {
  return (
    <SessionProvider>
      <TextSize />
      <SessionGate>
        <RelayArrivalProvider>
          <OnboardingGate>
            <AnimationRoutes>
              <Route path="/" element={<HomePage />} />
              <Route path="/post/:id" element={<LazyPage page={PostPage} title="Bài viết" />} />
              <Route path="/report" element={<LazyPage page={ReportPage} title="Phản ánh" />} />
              <Route path="/head" element={<LazyPage page={HeadPage} title="Tổ của tôi" />} />
              <Route
                path="/head/check"
                element={<LazyPage page={MessageCheckPage} title="Kiểm tra tin này" />}
              />
              <Route
                path="/opinion-report"
                element={<LazyPage page={OpinionReportPage} title="Báo cáo dư luận" />}
              />
              <Route path="/profile" element={<LazyPage page={ProfilePage} title="Cá nhân" />} />
              <Route path="/profile/data" element={<LazyPage page={MyDataPage} title="Dữ liệu của tôi" />} />
              <Route path="/nominate" element={<LazyPage page={NominatePage} title="Đề cử điển hình" />} />
              <Route path="/tasks" element={<LazyPage page={TasksPage} title="Nhiệm vụ" />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </AnimationRoutes>
            <BottomNav />
          </OnboardingGate>
        </RelayArrivalProvider>
      </SessionGate>
    </SessionProvider>
  );
}

/** Large text follows the resident's saved preference; before sign-in, the copy this device kept. */
function TextSize() {
  const { state } = useSessionContext();
  const largeText = state.status === "signed-in" ? state.session.resident.largeText : null;
  useLayoutEffect(() => {
    if (largeText === null) applySavedTextSize();
    else applyLargeText(largeText);
  }, [largeText]);
  useLayoutEffect(() => clearTextSize, []);
  return null;
}
