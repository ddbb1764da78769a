import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { Navigate, Route } from "react-router-dom";
import { AnimationRoutes } from "zmp-ui";
import staffCss from "../../css/staff.css?inline";
import staffFormsCss from "../../css/staff-forms.css?inline";
import staffInboxCss from "../../css/staff-inbox.css?inline";
import staffViewsCss from "../../css/staff-views.css?inline";
import { StaffSessionProvider } from "../../state/staff-session";
import { LoadingView } from "../status-views";
import { StaffGate } from "./staff-gate";
import { StaffPage } from "./staff-page";

// Styles travel inside this chunk rather than as .css files: zmp-vite-plugin lists every emitted
// stylesheet in app-config.json's listCSS, which Zalo loads up front for every resident.
const style = document.createElement("style");
style.dataset.loaStyles = "staff";
style.textContent = [staffCss, staffFormsCss, staffViewsCss, staffInboxCss].join("\n");
document.head.append(style);

// One chunk per screen: a staff member inside Zalo downloads only the screen they open.
const LoginPage = lazy(() => import("../../pages/staff/login"));
const DashboardPage = lazy(() => import("../../pages/staff/index"));
const PostEditorPage = lazy(() => import("../../pages/staff/post"));
const BroadcastComposerPage = lazy(() => import("../../pages/staff/post-broadcast"));
const ReviewQueuePage = lazy(() => import("../../pages/staff/review"));
const ReviewPostPage = lazy(() => import("../../pages/staff/review-post"));
const BroadcastPage = lazy(() => import("../../pages/staff/broadcast"));
const RelayBoardPage = lazy(() => import("../../pages/staff/relay"));
const SignalsInboxPage = lazy(() => import("../../pages/staff/signals"));
const RumoursPage = lazy(() => import("../../pages/staff/rumours"));
const OpinionPage = lazy(() => import("../../pages/staff/opinion"));
const OpinionThemesPage = lazy(() => import("../../pages/staff/opinion-themes"));
const CollaboratorsPage = lazy(() => import("../../pages/staff/collaborators"));
const TaskBoardPage = lazy(() => import("../../pages/staff/tasks"));
const PlanImportPage = lazy(() => import("../../pages/staff/plan-import"));
const SetAsideEventsPage = lazy(() => import("../../pages/staff/zalo-events"));
const OaConnectionPage = lazy(() => import("../../pages/staff/zalo"));

function Loading() {
  return (
    <StaffPage title="Loa Phường – Cán bộ" showBack={false}>
      <LoadingView />
    </StaffPage>
  );
}

function screen(Screen: LazyExoticComponent<ComponentType>, { isPublic = false } = {}) {
  return (
    <Suspense fallback={<Loading />}>
      {isPublic ? (
        <Screen />
      ) : (
        <StaffGate>
          <Screen />
        </StaffGate>
      )}
    </Suspense>
  );
}

/**
 * The ward staff's screens under /staff, with their own sign-in (the resident's Zalo sign-in never
 * starts here). Loaded on demand: residents never download any of it.
 */
export default function StaffApp() {
  return (
    <StaffSessionProvider>
      <AnimationRoutes>
        <Route path="/staff/login" element={screen(LoginPage, { isPublic: true })} />
        <Route path="/staff" element={screen(DashboardPage)} />
        <Route path="/staff/posts/new" element={screen(PostEditorPage)} />
        <Route path="/staff/posts/:id" element={screen(PostEditorPage)} />
        <Route path="/staff/posts/:id/broadcast" element={screen(BroadcastComposerPage)} />
        <Route path="/staff/review" element={screen(ReviewQueuePage)} />
        <Route path="/staff/review/:id" element={screen(ReviewPostPage)} />
        <Route path="/staff/broadcasts/:id" element={screen(BroadcastPage)} />
        <Route path="/staff/broadcasts/:id/relay" element={screen(RelayBoardPage)} />
        <Route path="/staff/signals" element={screen(SignalsInboxPage)} />
        <Route path="/staff/rumours" element={screen(RumoursPage)} />
        <Route path="/staff/opinion" element={screen(OpinionPage)} />
        <Route path="/staff/opinion/themes" element={screen(OpinionThemesPage)} />
        <Route path="/staff/collaborators" element={screen(CollaboratorsPage)} />
        <Route path="/staff/tasks" element={screen(TaskBoardPage)} />
        <Route path="/staff/plans/import" element={screen(PlanImportPage)} />
        <Route path="/staff/zalo-events" element={screen(SetAsideEventsPage)} />
        <Route path="/staff/zalo" element={screen(OaConnectionPage)} />
        <Route path="*" element={<Navigate to="/staff" replace />} />
      </AnimationRoutes>
    </StaffSessionProvider>
  );
}
