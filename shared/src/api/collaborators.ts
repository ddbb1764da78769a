import { z } from "zod";

/**
 * Cộng tác viên dư luận xã hội: residents the ward appoints to report what people in their area are
 * saying. Staff see who they are and how recently each reported.
 */
export const collaboratorSchema = z.object({
  residentId: z.string(),
  fullName: z.string(),
  residentialGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
  appointedAt: z.string(),
  /** Their latest opinion report, if any. */
  lastReportAt: z.string().nullable(),
  reportsLast30Days: z.number().int(),
});
export type Collaborator = z.infer<typeof collaboratorSchema>;
export const collaboratorListSchema = z.object({ items: z.array(collaboratorSchema) });

/** Who staff can appoint: the confirmed members of one residential group. */
export const collaboratorCandidatesQuerySchema = z.strictObject({ groupId: z.uuid("Chọn tổ dân phố") });
export const collaboratorCandidateSchema = z.object({
  residentId: z.string(),
  fullName: z.string(),
  isCollaborator: z.boolean(),
  isGroupHead: z.boolean(),
});
export type CollaboratorCandidate = z.infer<typeof collaboratorCandidateSchema>;
export const collaboratorCandidateListSchema = z.object({ items: z.array(collaboratorCandidateSchema) });

export const appointCollaboratorSchema = z.strictObject({ residentId: z.uuid("Chọn người dân") });
