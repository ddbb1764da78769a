import {
  channelParamsSchema,
  channelStatusListSchema,
  oaCallbackQuerySchema,
  oaConnectionSchema,
  oaConnectStartSchema,
  webhookHealthSchema,
} from "@loa-phuong/shared";
import { channelStatuses, resumeChannel } from "../../../channels/channel-stops.js";
import { AppError } from "../../../errors/app-error.js";
import { recordAudit } from "../../../services/audit.js";
import {
  finishOaConnection,
  OAUTH_CALLBACK_PATH,
  startOaConnection,
} from "../../../services/oa-connection.js";
import { webhookHealth } from "../../../webhooks/webhook-health.js";
import type { ApiContext } from "../../api-context.js";
import { authenticate } from "../../middleware/auth.js";
import { type RouteRegistry, RouteTable } from "../../route.js";

const tag = "Admin";

/** Admins: connect the ward's OA through Zalo's consent screen, and see the connection. */
export function oaConnectionRouter(ctx: ApiContext, registry: RouteRegistry) {
  const api = new RouteTable(ctx, registry);

  api.add(
    {
      method: "get",
      path: "/admin/zalo/connection",
      tag,
      summary: "The OA's connection: connected, when its tokens expire, when it was granted",
      access: ["admin"],
      response: oaConnectionSchema,
    },
    () => ctx.tokens.connection(),
  );

  api.add(
    {
      method: "get",
      path: "/admin/zalo/webhook",
      tag,
      summary: "How Zalo's events arrive: the last one, events and bad signatures in the last hour",
      access: ["admin"],
      response: webhookHealthSchema,
    },
    () => webhookHealth(ctx),
  );

  api.add(
    {
      method: "post",
      path: "/admin/zalo/connect",
      tag,
      summary: "Zalo's OAuth v4 permission link (PKCE, a state bound to this admin), valid 10 minutes",
      access: ["admin"],
      response: oaConnectStartSchema,
    },
    ({ staff }) => startOaConnection(ctx, staff.id),
  );

  api.add(
    {
      method: "get",
      path: "/admin/zalo/channels",
      tag,
      summary: "The ward's channels: configured, stopped by Zalo and why, the price, quota left today",
      access: ["admin"],
      response: channelStatusListSchema,
    },
    ({ staff }) => channelStatuses(ctx.db, ctx.config, staff.wardId),
  );

  api.add(
    {
      method: "post",
      path: "/admin/zalo/channels/:channel/resume",
      tag,
      summary: "Reopen a channel Zalo stopped (quota, package, billing) once its cause is fixed",
      access: ["admin"],
      params: channelParamsSchema,
      response: channelStatusListSchema,
    },
    async ({ staff, params }) => {
      await resumeChannel(ctx.db, staff.wardId, params.channel);
      await recordAudit(ctx.db, {
        entityType: "channel",
        entityId: params.channel,
        action: "resume",
        actor: { type: "staff", id: staff.id },
      });
      return channelStatuses(ctx.db, ctx.config, staff.wardId);
    },
  );

  // Zalo sends the admin's browser back here (a top-level navigation: the session cookie comes along).
  const back = new RouteTable(ctx, registry, "");
  back.router.use(OAUTH_CALLBACK_PATH, authenticate(ctx));
  const screen = `/zapps/${ctx.config.ZALO_MINI_APP_ID}/staff/zalo`;
  back.add(
    {
      method: "get",
      path: OAUTH_CALLBACK_PATH,
      tag,
      summary: "Zalo's redirect after the consent screen: the code is exchanged, then back to the screen",
      access: ["admin"],
      query: oaCallbackQuerySchema,
      produces: "text/html",
    },
    async ({ staff, query, res }) => {
      try {
        await finishOaConnection(ctx, staff.id, { ...query, oaId: query.oa_id });
        res.redirect(303, `${screen}?ket-qua=da-ket-noi`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        res.redirect(303, `${screen}?loi=${encodeURIComponent(error.message)}`);
      }
      return undefined;
    },
  );
  return { api: api.router, back: back.router };
}
