import { z } from "zod";
import { textLimits } from "../text-limits.js";
import { writtenText } from "./common.js";

/** Staff record a known false claim; its answer is a clarification post, approved as every post is. */
export const rumourClaimRequestSchema = z.strictObject({
  claim: writtenText("Nội dung tin đồn", textLimits.rumourClaim, "Hãy ghi lại tin đồn cần đính chính."),
  topic: writtenText("Chủ đề", textLimits.rumourTopic, "Hãy ghi chủ đề (ví dụ: học phí)."),
  clarificationPostId: z.uuid("Bài đính chính không hợp lệ").optional(),
});
export type RumourClaimRequest = z.infer<typeof rumourClaimRequestSchema>;

export const rumourClaimSchema = z
  .object({
    id: z.string(),
    claim: z.string(),
    topic: z.string(),
    status: z.enum(["active", "retired"]),
    /** The clarification post, and whether its answer is approved (only then is it sent). */
    clarification: z.object({ postId: z.string(), title: z.string(), isApproved: z.boolean() }).nullable(),
    createdAt: z.string(),
    /** Residents' messages that repeat it: in all, and in the last 24 hours. */
    matches: z.object({ total: z.number(), last24h: z.number() }),
    /**
     * Where it spreads, by residential group. A group with fewer than 5 residents who repeated it is
     * counted under "others" and not named: an aggregate never points at a few people.
     */
    byGroup: z.array(z.object({ group: z.string(), messages: z.number(), residents: z.number() })),
    othersMessages: z.number(),
  })
  .meta({ id: "RumourClaim" });
export type RumourClaim = z.infer<typeof rumourClaimSchema>;
export const rumourClaimListSchema = z.object({ items: z.array(rumourClaimSchema) });
