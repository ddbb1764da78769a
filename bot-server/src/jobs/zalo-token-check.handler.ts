import { formatDate } from "@loa-phuong/shared";
import { raiseAlertOnce, resolveAlerts } from "../services/staff-alerts.js";
import { OaAuthorizationLost } from "../zalo/zalo-error.js";
import type { JobHandler } from "./job-context.js";

/** Refresh when the access token (25 h) has less than this left: hours before any send needs it. */
export const REFRESH_AHEAD_MS = 3 * 3_600_000;
/** Warn admins this long before the refresh token stops working: time to grant the OA again. */
export const WARN_BEFORE_REFRESH_END_MS = 14 * 86_400_000;

/**
 * Every hour: the OA's access token is refreshed well before it expires (so no broadcast waits for a
 * refresh, and a refusal is known before a send meets it), and admins are alerted two weeks before
 * the refresh token's life ends. A refusal raises the "authorisation lost" alert (oa-token-store.ts).
 */
export const handleZaloTokenCheck: JobHandler<"zalo.token-check"> = async (ctx) => {
  const wardId = ctx.config.WARD_ID;
  const connection = await ctx.tokens.connection();
  // Never connected: nothing to refresh; the first send that needs the OA says so.
  if (!connection.accessExpiresAt) return;
  try {
    await ctx.tokens.getAccessToken(REFRESH_AHEAD_MS);
  } catch (error) {
    // Said to admins already by the token store; the next hour tries again after a new consent.
    if (error instanceof OaAuthorizationLost) return;
    throw error;
  }
  const { refreshExpiresAt } = await ctx.tokens.connection();
  if (refreshExpiresAt && Date.parse(refreshExpiresAt) - Date.now() < WARN_BEFORE_REFRESH_END_MS) {
    await raiseAlertOnce(ctx.db, {
      wardId,
      kind: "oa_refresh_expiring",
      message:
        `Quyền gửi tin của Zalo OA hết hạn ngày ${formatDate(refreshExpiresAt)}. ` +
        "Quản trị viên vào “Kết nối Zalo OA” và bấm “Kết nối lại” trước ngày đó.",
    });
  } else await resolveAlerts(ctx.db, wardId, "oa_refresh_expiring");
};
