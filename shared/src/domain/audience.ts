import { z } from "zod";
import { civicRoleSchema } from "./enums.js";

const id = z.uuid();

/** One audience segment: everybody matching all of its fields. */
export const audienceSegmentSchema = z.strictObject({
  /** Cả phường. */
  wholeWard: z.boolean().optional(),
  /** Chosen residential groups (tổ dân phố). */
  residentialGroupIds: z.array(id).max(500).optional(),
  /** Civic roles, e.g. parents of one school. */
  civicRoles: z
    .array(z.strictObject({ role: civicRoleSchema, schoolId: id.optional() }))
    .max(20)
    .optional(),
});
export type AudienceSegment = z.infer<typeof audienceSegmentSchema>;

/** Recipients = union of `include` minus union of `exclude`. */
export const audienceSchema = z.strictObject({
  include: z.array(audienceSegmentSchema).min(1, "Cần ít nhất một nhóm người nhận").max(20),
  exclude: z.array(audienceSegmentSchema).max(20).default([]),
});
export type Audience = z.infer<typeof audienceSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;
