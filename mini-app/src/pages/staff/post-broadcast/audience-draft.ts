import type { AudienceInput, AudienceSegment, CivicRole } from "@loa-phuong/shared";

/** One civic role picked in the form; schoolId "" means any school. */
export interface RolePick {
  role: CivicRole;
  schoolId: string;
}

/**
 * What the audience picker holds. Read as: everybody in the scope (the whole ward or the chosen
 * residential groups) who has any of the chosen roles (all residents when none is chosen), minus
 * anybody in an excluded group or with an excluded role.
 */
export interface AudienceDraft {
  scope: "ward" | "groups";
  groupIds: string[];
  roles: RolePick[];
  excludeGroupIds: string[];
  excludeRoles: RolePick[];
}

export const emptyAudience: AudienceDraft = {
  scope: "groups",
  groupIds: [],
  roles: [],
  excludeGroupIds: [],
  excludeRoles: [],
};

function roleOf(pick: RolePick): NonNullable<AudienceSegment["civicRoles"]>[number] {
  return pick.schoolId ? { role: pick.role, schoolId: pick.schoolId } : { role: pick.role };
}

/**
 * The server's audience: fields inside a segment are ANDed and segments ORed, so "scope AND (role
 * A OR role B)" becomes one include segment per role, each carrying the scope.
 */
export function buildAudience(draft: AudienceDraft): { audience: AudienceInput } | { problem: string } {
  if (draft.scope === "groups" && draft.groupIds.length === 0)
    return { problem: "Chọn ít nhất một tổ dân phố, hoặc chọn cả phường." };
  const scope: AudienceSegment =
    draft.scope === "ward" ? { wholeWard: true } : { residentialGroupIds: draft.groupIds };
  const include =
    draft.roles.length === 0
      ? [scope]
      : draft.roles.map((pick) => ({ ...scope, civicRoles: [roleOf(pick)] }));
  const exclude: AudienceSegment[] = [
    ...(draft.excludeGroupIds.length > 0 ? [{ residentialGroupIds: draft.excludeGroupIds }] : []),
    ...draft.excludeRoles.map((pick) => ({ civicRoles: [roleOf(pick)] })),
  ];
  return { audience: { include, exclude } };
}
