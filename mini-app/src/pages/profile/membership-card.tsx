import { useResource } from "../../hooks/use-resource";
import { fetchSchools } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { civicRoleLabel, membershipLabel } from "../../utils/resident-labels";
import { residentialGroupLabel } from "../../utils/text";

/** The resident's group with its membership state, and their roles with the school each belongs to. */
export function MembershipCard() {
  const { session, withToken } = useSession();
  const { resident } = session;
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
    </section>
  );
}
