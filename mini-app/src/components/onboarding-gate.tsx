import { lazy, type ReactNode, Suspense, useState } from "react";
import { useSession } from "../state/session";
import { LoadingView } from "./status-views";

// Only new residents need it: loaded on demand.
const OnboardingPage = lazy(() => import("../pages/onboarding"));

/**
 * A resident who has not given the data-use consent goes through onboarding first; it stays on
 * screen for its optional last step even though the server counts them as onboarded by then. Like
 * sign-in, it leaves the URL alone, so a deep link (/post/42?relay=…) opens once it is done.
 */
export function OnboardingGate({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [isOnboarding, setOnboarding] = useState(!session.resident.onboarded);
  if (!isOnboarding && session.resident.onboarded) return <>{children}</>;
  return (
    <Suspense fallback={<LoadingView />}>
      <OnboardingPage onFinish={() => setOnboarding(false)} />
    </Suspense>
  );
}
