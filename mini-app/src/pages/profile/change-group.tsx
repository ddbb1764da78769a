import type { ResidentProfile } from "@loa-phuong/shared";
import { DraftNote } from "../../components/draft-note";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { completeOnboarding, type DeclaredRole } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";
import { membershipLabel } from "../../utils/resident-labels";
import { residentialGroupLabel } from "../../utils/text";
import { GroupStep } from "../onboarding/group-step";
import { changeDrafts } from "./use-profile-change";

type GroupChoice = { id: string; name: string } | null;

/** The roles the resident declared, sent again as they are (a group head's role is the ward's to give). */
function declaredRolesOf(resident: ResidentProfile): DeclaredRole[] {
  // A head's and a collaborator's roles are the ward's appointments, kept by the server as they are.
  return resident.civicRoles.flatMap((r) =>
    r.role === "group_head" || r.role === "opinion_collaborator"
      ? []
      : [{ role: r.role, ...(r.schoolId ? { schoolId: r.schoolId } : {}) }],
  );
}

/** What the resident is told once the ward holds the new group: the head of that group confirms them. */
function savedNotice(profile: ResidentProfile): string {
  if (!profile.residentialGroup) return "Đã lưu tổ dân phố.";
  const group = residentialGroupLabel(profile.residentialGroup.name);
  return profile.membershipStatus === "pending"
    ? `Đã đổi tổ dân phố. Bạn thuộc ${group} — chờ tổ trưởng xác nhận.`
    : `Đã đổi tổ dân phố. Bạn thuộc ${group}.`;
}

/**
 * "Đổi tổ dân phố": onboarding's group step with the current group chosen. Saved through the same
 * POST /api/me/onboarding (the roles unchanged): the server makes the membership pending until the new
 * group's head confirms it. `onSaved(null)`: nothing changed.
 */
export function ChangeGroup({
  onSaved,
  onCancel,
}: {
  onSaved(notice: string | null): void;
  onCancel(): void;
}) {
  const { session, withToken, updateResident } = useSession();
  const { resident } = session;
  const current = resident.residentialGroup;
  const status = resident.membershipStatus;
  const draft = useDeviceDraft<GroupChoice>(
    changeDrafts.group,
    current && { id: current.id, name: current.name },
  );

  const save = async () => {
    const chosen = draft.value;
    if (!chosen || chosen.id === current?.id) return onSaved(null);
    // The resident gave the data-use consent when they registered; a change is made under it.
    const body = {
      residentialGroupId: chosen.id,
      civicRoles: declaredRolesOf(resident),
      consent: true as const,
    };
    const profile = await withToken((token) => completeOnboarding(token, body)).catch((reason: unknown) => {
      throw explainRefusal(reason);
    });
    updateResident(profile);
    onSaved(savedNotice(profile));
  };

  return (
    <>
      <h1 className="page-title">Đổi tổ dân phố</h1>
      <p className="muted">
        {current
          ? `Hiện tại: ${residentialGroupLabel(current.name)} (${membershipLabel(status).toLowerCase()}).`
          : "Hiện tại bạn chưa thuộc tổ dân phố nào."}
      </p>
      <DraftNote draft={draft} />
      <div className="card">
        <GroupStep
          chosen={draft.value}
          onChoose={(group) => draft.setValue({ id: group.id, name: group.name })}
          onNext={save}
          nextLabel="Lưu tổ dân phố"
          onCancel={onCancel}
        />
      </div>
    </>
  );
}
