import { Button } from "zmp-ui";
import { useResource } from "../../hooks/use-resource";
import { fetchSchools } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { civicRoleLabel, membershipLabel } from "../../utils/resident-labels";
import { residentialGroupLabel } from "../../utils/text";

/**
 * The resident's group with its membership state, and their roles with the school each belongs to;
 * "Đổi tổ dân phố" and "Đổi vai trò" open the changes, `notice` says what the last one did.
 */
export function MembershipCard({
  notice,
  onChangeGroup,
  onChangeRoles,
}: {
  notice: string | null;
  onChangeGroup(): void;
  onChangeRoles(): void;
}) {
  const { session, withToken } = useSession();
  const { resident } = session;
  // The ward appoints a head to their group, and moves them too (the server refuses it from them).
  const isHead = resident.civicRoles.some((role) => role.role === "group_head");
  const needsSchools = resident.civicRoles.some((role) => role.schoolId !== null);
  const schools = useResource(`schools:${needsSchools}`, (signal) =>
    needsSchools ? withToken((token) => fetchSchools(token, signal)) : Promise.resolve({ items: [] }),
  );
  const schoolName = (id: string | null) =>
    id && schools.status === "ready" ? schools.data.items.find((s) => s.id === id)?.name : undefined;

  return (
    <section className="card" aria-labelledby="membership-title">
      <h2 id="membership-title" className="card-title">
        Tổ dân phố và vai trò
      </h2>
      {notice && (
        <p role="status" className="notice notice-success">
          {notice}
        </p>
      )}
      <dl className="facts">
        <dt>Tổ dân phố</dt>
        <dd>
          {resident.residentialGroup ? residentialGroupLabel(resident.residentialGroup.name) : "Chưa có"}
          {resident.residentialGroup && (
            <span className={`status-chip status-${resident.membershipStatus ?? "none"}`}>
              {membershipLabel(resident.membershipStatus)}
            </span>
          )}
        </dd>
        <dt>Vai trò</dt>
        <dd>
          {resident.civicRoles.length === 0
            ? "Người dân"
            : resident.civicRoles
                .map((role) =>
                  [civicRoleLabel(role.role), schoolName(role.schoolId)].filter(Boolean).join(" – "),
                )
                .join("; ")}
        </dd>
      </dl>
      <div className="action-list">
        {isHead ? (
          <p className="muted">Tổ trưởng chuyển sang tổ khác do cán bộ phường thực hiện.</p>
        ) : (
          <Button variant="secondary" fullWidth onClick={onChangeGroup}>
            {resident.residentialGroup ? "Đổi tổ dân phố" : "Chọn tổ dân phố"}
          </Button>
        )}
        {resident.residentialGroup ? (
          <Button variant="secondary" fullWidth onClick={onChangeRoles}>
            Đổi vai trò
          </Button>
        ) : (
          <p className="muted">Chọn tổ dân phố trước, rồi bạn đổi được vai trò.</p>
        )}
      </div>
    </section>
  );
}
