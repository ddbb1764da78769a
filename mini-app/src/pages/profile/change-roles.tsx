import { DraftNote } from "../../components/draft-note";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { completeOnboarding } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";
import { declaredRoles, RolesStep, rolesDraftOf } from "../onboarding/roles-step";
import { changeDrafts } from "./use-profile-change";

/**
 * "Đổi vai trò": onboarding's roles step with the roles held now ticked, without the consent (given at
 * registration). Saved through the same POST /api/me/onboarding (the group unchanged, so a confirmed
 * membership stays confirmed). A group head's role is the ward's: the server keeps it. `onSaved(null)`:
 * nothing changed.
 */
export function ChangeRoles({
  onSaved,
  onCancel,
}: {
  onSaved(notice: string | null): void;
  onCancel(): void;
}) {
  const { session, withToken, updateResident } = useSession();
  const { resident } = session;
  const held = rolesDraftOf(resident.civicRoles);
  const draft = useDeviceDraft(changeDrafts.roles, held);
  const isHead = resident.civicRoles.some((role) => role.role === "group_head");

  const save = async () => {
    const group = resident.residentialGroup;
    if (!group) throw new Error("Hãy chọn tổ dân phố trước khi đổi vai trò.");
    if (JSON.stringify(draft.value) === JSON.stringify(held)) return onSaved(null);
    const body = {
      residentialGroupId: group.id,
      civicRoles: declaredRoles(draft.value),
      consent: true as const,
    };
    const profile = await withToken((token) => completeOnboarding(token, body)).catch((reason: unknown) => {
      throw explainRefusal(reason);
    });
    updateResident(profile);
    onSaved("Đã lưu vai trò của bạn.");
  };

  return (
    <>
      <h1 className="page-title">Đổi vai trò</h1>
      {isHead && (
        <p className="notice">
          Vai trò Tổ trưởng tổ dân phố do phường giao, nên được giữ nguyên. Ở đây bạn đổi các vai trò khác.
        </p>
      )}
      <DraftNote draft={draft} />
      <div className="card">
        <RolesStep
          draft={draft.value}
          onChange={draft.setValue}
          onBack={onCancel}
          onSubmit={save}
          asksConsent={false}
          submitLabel="Lưu vai trò"
          backLabel="Hủy"
          failMessage="Không lưu được, vui lòng thử lại."
        />
      </div>
    </>
  );
}
