import { z } from "zod";
import { civicRoleSchema } from "./enums.js";

/** Stored and compared in lower case, as the store writes uuids. */
const id = z.uuid().overwrite((value) => value.toLowerCase());

/** One audience segment: everybody matching all of its fields. */
export const audienceSegmentSchema = z
  .strictObject({
    /** Cả phường. */
    wholeWard: z.boolean().optional(),
    /** Chosen residential groups (tổ dân phố). */
    residentialGroupIds: z.array(id).max(500).optional(),
    /** Civic roles, e.g. parents of one school. */
    civicRoles: z
      .array(z.strictObject({ role: civicRoleSchema, schoolId: id.optional() }))
      .max(20)
      .optional(),
  })
  .refine(
    (s) =>
      s.wholeWard === true || (s.residentialGroupIds?.length ?? 0) > 0 || (s.civicRoles?.length ?? 0) > 0,
    {
      message: "Nhóm người nhận phải chọn cả phường, tổ dân phố hoặc vai trò",
    },
  );
export type AudienceSegment = z.infer<typeof audienceSegmentSchema>;

/** Recipients = union of `include` minus union of `exclude`. */
export const audienceSchema = z.strictObject({
  include: z.array(audienceSegmentSchema).min(1, "Cần ít nhất một nhóm người nhận").max(20),
  exclude: z.array(audienceSegmentSchema).max(20).default([]),
});
export type Audience = z.infer<typeof audienceSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;

/** What audience matching needs to know about a resident. */
export interface AudienceFacts {
  wardId: string;
  residentialGroupId: string | null;
  isConfirmedMember: boolean;
  civicRoles: { role: string; schoolId: string | null }[];
}

function matchesSegment(facts: AudienceFacts, segment: AudienceSegment): boolean {
  const groups = segment.residentialGroupIds ?? [];
  const roles = segment.civicRoles ?? [];
  if (groups.length === 0 && roles.length === 0) return segment.wholeWard === true;
  if (
    groups.length > 0 &&
    !(
      facts.isConfirmedMember &&
      facts.residentialGroupId !== null &&
      groups.includes(facts.residentialGroupId)
    )
  )
    return false;
  return roles.every((want) =>
    facts.civicRoles.some(
      (has) => has.role === want.role && (!want.schoolId || has.schoolId === want.schoolId),
    ),
  );
}

/** The same rule as the store's audience query, for one resident: any include, no exclude. */
export function matchesAudience(facts: AudienceFacts, wardId: string, audience: Audience): boolean {
  if (facts.wardId !== wardId) return false;
  return (
    audience.include.some((s) => matchesSegment(facts, s)) &&
    !audience.exclude.some((s) => matchesSegment(facts, s))
  );
}
