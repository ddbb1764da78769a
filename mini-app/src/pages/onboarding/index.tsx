import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { completeOnboarding, type ResidentialGroup } from "../../services/resident-api";
import { useRelayArrival } from "../../state/relay-arrival";
import { useSession } from "../../state/session";
import { ExtrasStep } from "./extras-step";
import { GroupStep } from "./group-step";
import { declaredRoles, emptyRoles, type RolesDraft, RolesStep } from "./roles-step";

type Step = "group" | "roles" | "extras";
const stepNumbers: Record<Step, number> = { group: 1, roles: 2, extras: 3 };

/** The choices so far, kept on the device: reopened, the app goes on at the step the resident left. */
interface OnboardingDraft {
  step: "group" | "roles";
  group: ResidentialGroup | null;
  roles: RolesDraft;
}
const emptyDraft: OnboardingDraft = { step: "group", group: null, roles: emptyRoles };

/** Which step this history entry shows: step 2 is an entry of its own, so Back returns to step 1. */
function stepOfEntry(state: unknown): "group" | "roles" | null {
  const step = (state as { onboardingStep?: unknown } | null)?.onboardingStep;
  return step === "group" || step === "roles" ? step : null;
}

/**
 * A new resident's first visit: their group, optional roles with the consent (POST /api/me/onboarding),
 * then optional conveniences. A resident who came through a head's link finds that head's group chosen.
 * The URL stays as it came (a deep link opens once this is done); the steps live in the history's state.
 */
export default function OnboardingPage({ onFinish }: { onFinish(): void }) {
  const { session, withToken, updateResident } = useSession();
  const { joinOffer } = useRelayArrival();
  const location = useLocation();
  const navigate = useNavigate();
  const draft = useDeviceDraft("onboarding", emptyDraft);
  // The head's group, when their link brought the resident, until the resident chooses one themselves.
  const [suggestedGroup, setSuggestedGroup] = useState<ResidentialGroup | null>(null);
  const chosenGroup = draft.value.group ?? suggestedGroup;
  const { roles } = draft.value;
  const entryStep = stepOfEntry(location.state);
  const isRegistered = session.resident.onboarded;
  const step: Step = isRegistered ? "extras" : (entryStep ?? "group");
  const suggestion = joinOffer?.residentialGroupId ?? null;
  const here = { pathname: location.pathname, search: location.search, hash: location.hash };

  // Reopened at step 2: step 1 goes back under it, so that Back still leads there.
  const keptStep = draft.value.step;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the kept step is known, by design.
  useEffect(() => {
    if (isRegistered || !draft.isReady || entryStep !== null || keptStep !== "roles") return;
    navigate(here, { replace: true, state: { onboardingStep: "group" } });
    navigate(here, { state: { onboardingStep: "roles" } });
  }, [draft.isReady, keptStep]);

  const setChoices = (patch: Partial<OnboardingDraft>) =>
    draft.setValue((current) => ({ ...current, ...patch }));

  const goToRoles = () => {
    setChoices({ step: "roles", group: chosenGroup });
    if (entryStep !== "group") navigate(here, { replace: true, state: { onboardingStep: "group" } });
    navigate(here, { state: { onboardingStep: "roles" } });
  };

  const goBackToGroup = () => {
    setChoices({ step: "group" });
    navigate(-1);
  };

  // Back (the phone's, Zalo's or the header's) moves between the steps: the kept step follows, once
  // what the device kept is on screen (a reload keeps the history's step).
  useEffect(() => {
    if (isRegistered || !draft.isReady || entryStep === null || entryStep === keptStep) return;
    setChoices({ step: entryStep });
  });

  const submit = async () => {
    const residentialGroupId = chosenGroup?.id ?? suggestion;
    if (!residentialGroupId) throw new Error("Hãy chọn tổ dân phố nơi bạn sinh sống.");
    const profile = await withToken((token) =>
      completeOnboarding(token, { residentialGroupId, civicRoles: declaredRoles(roles), consent: true }),
    );
    draft.forget();
    updateResident(profile);
  };

  return (
    <Page className="page">
      <AppHeader title="Loa Phường" showBack={step === "roles"} />
      <main className="page-content onboarding">
        <h1 className="page-title">Chào mừng {session.resident.fullName} đến với Loa Phường</h1>
        <p className="muted">
          Bước {stepNumbers[step]}/3
          <span className="visually-hidden">
            :{" "}
            {step === "group" ? "chọn tổ dân phố" : step === "roles" ? "vai trò và đồng ý" : "tiện ích thêm"}
          </span>
        </p>
        <div className="card">
          {step === "group" && (
            <GroupStep
              chosen={chosenGroup}
              suggestion={suggestion}
              onChoose={(group) => setChoices({ group })}
              onNext={goToRoles}
              onSuggested={setSuggestedGroup}
            />
          )}
          {step === "roles" && (
            <RolesStep
              draft={roles}
              onChange={(next) => setChoices({ roles: next })}
              onBack={goBackToGroup}
              onSubmit={submit}
            />
          )}
          {step === "extras" && <ExtrasStep resident={session.resident} onFinish={onFinish} />}
        </div>
      </main>
    </Page>
  );
}
