import {
  messageCheckRequestSchema,
  messageCheckSchema,
  rumourClaimListSchema,
  rumourClaimRequestSchema,
  rumourClaimSchema,
  rumourSettingsRequestSchema,
  rumourSettingsSchema,
} from "@loa-phuong/shared";
import { wakeLabeller } from "../../../jobs/opinion-label.handler.js";
import { recordAudit } from "../../../services/audit.js";
import { checkMessage } from "../../../services/message-checks.js";
import { createRumourClaim, listRumourClaims } from "../../../services/rumour-claims.js";
import { rumourReplyMode, setRumourReplyMode } from "../../../services/rumour-response.js";
import type { ApiContext } from "../../api-context.js";
import { limits, rateLimit } from "../../middleware/rate-limit.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Rumours";

/** Staff: the rumour desk — known false claims, their answers, and how far each has spread. */
export function rumoursRouter(ctx: ApiContext, registry: RouteRegistry) {
  const routes = new RouteTable(ctx, registry);

  routes.add(
    {
      method: "get",
      path: "/rumours",
      tag,
      summary: "Known false claims, newest first, with the messages repeating each, by group and by day",
      access: "staff",
      response: rumourClaimListSchema,
    },
    async ({ staff }) => ({
      items: await listRumourClaims(ctx.db, staff.wardId),
      settings: { replyMode: await rumourReplyMode(ctx.db, staff.wardId) },
    }),
  );

  routes.add(
    {
      method: "post",
      path: "/rumours",
      tag,
      summary: "Record a known false claim, answered by a clarification post (approved as every post)",
      access: ["editor"],
      body: rumourClaimRequestSchema,
      response: rumourClaimSchema,
      status: 201,
    },
    ({ staff, body }) => createRumourClaim(ctx.db, staff, body),
  );

  routes.add(
    {
      method: "put",
      path: "/rumours/settings",
      tag,
      summary:
        "Whether a resident repeating a claim gets its clarification at once (auto) or after a staff tap",
      access: ["admin", "approver"],
      body: rumourSettingsRequestSchema,
      response: rumourSettingsSchema,
    },
    async ({ staff, body }) => {
      await setRumourReplyMode(ctx.db, staff.wardId, body.replyMode);
      await recordAudit(ctx.db, {
        entityType: "staff",
        entityId: staff.id,
        action: "rumour_reply_mode",
        actor: { type: "staff", id: staff.id },
        details: { replyMode: body.replyMode },
      });
      return { replyMode: await rumourReplyMode(ctx.db, staff.wardId) };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/head/message-checks",
      tag,
      summary:
        "“Kiểm tra tin này”: a head's suspicious message, answered by a clarification or sent to staff",
      access: "head",
      use: [rateLimit(ctx, limits.messageChecks)],
      body: messageCheckRequestSchema,
      response: messageCheckSchema,
      status: 201,
    },
    async ({ resident, body }) => {
      const answer = await checkMessage(
        { ...ctx, miniAppId: ctx.config.ZALO_MINI_APP_ID },
        resident,
        body.text,
      );
      // Its feeling and toxicity are read as any signal's, by the labeller.
      await wakeLabeller(ctx);
      return answer;
    },
  );

  return routes.router;
}
