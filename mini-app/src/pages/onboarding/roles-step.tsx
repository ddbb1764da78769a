import type { ResidentProfile } from "@loa-phuong/shared";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../components/outcome-message";
import { ErrorView, LoadingView } from "../../components/status-views";
import { useAction } from "../../hooks/use-action";
import { useResource } from "../../hooks/use-resource";
import { type DeclaredRole, fetchSchools, type School } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { ConsentText } from "./consent-text";

export interface RolesDraft {
  parentSchoolId: string | null;
  teacherSchoolId: string | null;
  isPartyMember: boolean;
}

export const emptyRoles: RolesDraft = { parentSchoolId: null, teacherSchoolId: null, isPartyMember: false };

/** A school is required for a ticked parent or teacher role: the ward addresses them by school. */
export function declaredRoles(draft: RolesDraft): DeclaredRole[] {
  return [
    ...(draft.parentSchoolId !== null ? [{ role: "parent" as const, schoolId: draft.parentSchoolId }] : []),
    ...(draft.teacherSchoolId !== null
      ? [{ role: "teacher" as const, schoolId: draft.teacherSchoolId }]
      : []),
    ...(draft.isPartyMember ? [{ role: "party_member" as const }] : []),
  ];
}

/** The roles a resident declared, as the form shows them (a group head's role is the ward's, not here). */
export function rolesDraftOf(roles: ResidentProfile["civicRoles"]): RolesDraft {
  const schoolOf = (role: string) => {
    const found = roles.find((r) => r.role === role);
    return found ? (found.schoolId ?? "") : null;
  };
  return {
    parentSchoolId: schoolOf("parent"),
    teacherSchoolId: schoolOf("teacher"),
    isPartyMember: roles.some((r) => r.role === "party_member"),
  };
}

/**
 * Step 2: optional civic roles and the required consent; "Hoàn tất đăng ký" sends the onboarding.
 * The profile's "Đổi vai trò" shows it without the consent (given at registration) and its own labels.
 */
export function RolesStep({
  draft,
  onChange,
  onBack,
  onSubmit,
  asksConsent = true,
  submitLabel = "Hoàn tất đăng ký",
  backLabel = "Quay lại",
  failMessage = "Không đăng ký được, vui lòng thử lại.",
}: {
  draft: RolesDraft;
  onChange(next: RolesDraft): void;
  onBack(): void;
  onSubmit(): Promise<void>;
  asksConsent?: boolean;
  submitLabel?: string;
  backLabel?: string;
  failMessage?: string;
}) {
  const { withToken } = useSession();
  const schools = useResource("schools", (signal) => withToken((token) => fetchSchools(token, signal)));
  const [hasConsent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Once sent, the step gives way (to the app, or back to the profile).
  const { isBusy, error, run } = useAction(failMessage, { keepBusyOnSuccess: true });
  const failure = problem ?? error;
  const consentTextId = useId();

  const submit = () => {
    if (draft.parentSchoolId === "" || draft.teacherSchoolId === "") {
      setProblem("Hãy chọn trường học cho vai trò phụ huynh hoặc giáo viên.");
      return;
    }
    if (asksConsent && !hasConsent) {
      setProblem("Hãy đánh dấu đồng ý để hoàn tất đăng ký.");
      return;
    }
    setProblem(null);
    void run(() => onSubmit());
  };

  return (
    <>
      <h2 className="section-title">Vai trò của bạn (không bắt buộc)</h2>
      <p className="muted">Để nhận thêm thông báo dành riêng cho phụ huynh, giáo viên hoặc đảng viên.</p>
      {schools.status === "loading" && <LoadingView label="Đang tải danh sách trường…" />}
      {schools.status === "failed" && <ErrorView message={schools.message} onRetry={schools.reload} />}
      {schools.status === "ready" && (
        <fieldset className="option-list">
          <legend className="visually-hidden">Vai trò</legend>
          <RoleWithSchool
            label="Phụ huynh học sinh"
            schoolLabel="Trường con đang học"
            value={draft.parentSchoolId}
            schools={schools.data.items}
            onChange={(parentSchoolId) => onChange({ ...draft, parentSchoolId })}
          />
          <RoleWithSchool
            label="Giáo viên"
            schoolLabel="Trường đang công tác"
            value={draft.teacherSchoolId}
            schools={schools.data.items}
            onChange={(teacherSchoolId) => onChange({ ...draft, teacherSchoolId })}
          />
          <label className="option-row">
            <input
              type="checkbox"
              checked={draft.isPartyMember}
              onChange={(event) => onChange({ ...draft, isPartyMember: event.target.checked })}
            />
            <span className="option-label">Đảng viên</span>
          </label>
        </fieldset>
      )}
      {asksConsent && (
        <>
          <ConsentText id={consentTextId} />
          <label className="choice consent-check">
            <input
              type="checkbox"
              checked={hasConsent}
              aria-describedby={consentTextId}
              onChange={(event) => setConsent(event.target.checked)}
            />
            <span>Tôi đã đọc và đồng ý để UBND phường lưu và sử dụng dữ liệu của tôi như trên.</span>
          </label>
        </>
      )}
      <ActionError message={failure} />
      <div className="sticky-actions button-row">
        <Button variant="secondary" onClick={onBack} disabled={isBusy}>
          {backLabel}
        </Button>
        <Button loading={isBusy} disabled={isBusy} onClick={submit}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}

/** A role tick box and, once ticked, the school it belongs to ("" = ticked, school not chosen yet). */
function RoleWithSchool(props: {
  label: string;
  schoolLabel: string;
  value: string | null;
  schools: School[];
  onChange(value: string | null): void;
}) {
  const selectId = useId();
  return (
    <div className="option-row option-row-stacked">
      <label className="choice">
        <input
          type="checkbox"
          checked={props.value !== null}
          onChange={(event) => props.onChange(event.target.checked ? "" : null)}
        />
        <span className="option-label">{props.label}</span>
      </label>
      {props.value !== null && (
        <div className="field nested-field">
          <label htmlFor={selectId}>{props.schoolLabel}</label>
          <select id={selectId} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
            <option value="">Chọn trường</option>
            {props.schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
