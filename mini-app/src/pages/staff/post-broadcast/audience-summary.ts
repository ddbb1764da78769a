import type { AudienceInput, AudienceSegment } from "@loa-phuong/shared";
import type { ResidentialGroup, School } from "../../../services/staff-api";
import { civicRoleLabels } from "../../../utils/staff-labels";

/** Who a segment reaches, in words: "Tổ dân phố số 19, Tổ dân phố số 20 · Phụ huynh (Trường …)". */
function describeSegment(segment: AudienceSegment, groups: ResidentialGroup[], schools: School[]): string {
  const groupNames = (segment.residentialGroupIds ?? []).map(
    (id) => groups.find((group) => group.id === id)?.name ?? "Tổ dân phố không còn trong danh sách",
  );
  const roles = (segment.civicRoles ?? []).map((pick) => {
    const label = civicRoleLabels[pick.role] ?? pick.role;
    const school = pick.schoolId ? schools.find((s) => s.id === pick.schoolId)?.name : undefined;
    return school ? `${label} (${school})` : label;
  });
  const scope = groupNames.length > 0 ? groupNames.join(", ") : segment.wholeWard ? "Cả phường" : "";
  return [scope, roles.join(", ")].filter((part) => part !== "").join(" · ");
}

/** An audience as staff chose it, in words; exclusions after "trừ". */
export function describeAudience(
  audience: AudienceInput,
  groups: ResidentialGroup[],
  schools: School[],
): string {
  const included = audience.include.map((segment) => describeSegment(segment, groups, schools));
  const excluded = (audience.exclude ?? []).map((segment) => describeSegment(segment, groups, schools));
  const who = [...new Set(included)].join("; ");
  return excluded.length > 0 ? `${who}, trừ ${excluded.join("; ")}` : who;
}

/** The same people, whatever order the form listed them in (and the store's lower-case ids). */
export function isSameAudience(a: AudienceInput, b: AudienceInput): boolean {
  const canonical = (audience: AudienceInput) => {
    const segment = (s: AudienceSegment) =>
      JSON.stringify([
        s.wholeWard === true,
        [...(s.residentialGroupIds ?? [])].map((id) => id.toLowerCase()).sort(),
        (s.civicRoles ?? []).map((r) => `${r.role}:${r.schoolId?.toLowerCase() ?? ""}`).sort(),
      ]);
    return JSON.stringify([
      audience.include.map(segment).sort(),
      (audience.exclude ?? []).map(segment).sort(),
    ]);
  };
  return canonical(a) === canonical(b);
}
