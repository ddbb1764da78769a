import { useState } from "react";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { completeOnboarding, type ResidentialGroup } from "../../services/resident-api";
import { useRelayArrival } from "../../state/relay-arrival";
import { useSession } from "../../state/session";
import { ExtrasStep } from "./extras-step";
import { GroupStep } from "./group-step";
import { declaredRoles, emptyRoles, type RolesDraft, RolesStep } from "./roles-step";

type Step = "group" | "roles" | "extras";
const stepNumbers: Record<Step, number> = { group: 1, roles: 2, extras: 3 };

/**
 * A new resident's first visit: their group, optional roles with the consent (POST /api/me/onboarding),
 * then optional conveniences. A resident who came through a head's link finds that head's group chosen.
 */
export default function OnboardingPage({ onFinish }: { onFinish(): void }) {
  const { session, withToken, updateResident } = useSession();
  const { joinOffer } = useRelayArrival();
  const [step, setStep] = useState<Step>("group");
  const [chosenGroup, setChosenGroup] = useState<ResidentialGroup | null>(null);
  const [roles, setRoles] = useState<RolesDraft>(emptyRoles);
  const suggestion = joinOffer?.residentialGroupId ?? null;

  const submit = async () => {
    const residentialGroupId = chosenGroup?.id ?? suggestion;
    if (!residentialGroupId) throw new Error("Hãy chọn tổ dân phố nơi bạn sinh sống.");
    const profile = await withToken((token) =>
      completeOnboarding(token, { residentialGroupId, civicRoles: declaredRoles(roles), consent: true }),
    );
    updateResident(profile);
    setStep("extras");
  };

  return (
    <Page className="page">
      <AppHeader title="Loa Phường" />
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
              onChoose={setChosenGroup}
              onNext={() => setStep("roles")}
              onSuggested={(group) => setChosenGroup((current) => current ?? group)}
            />
          )}
          {step === "roles" && (
            <RolesStep draft={roles} onChange={setRoles} onBack={() => setStep("group")} onSubmit={submit} />
          )}
          {step === "extras" && <ExtrasStep resident={session.resident} onFinish={onFinish} />}
        </div>
      </main>
    </Page>
  );
}
