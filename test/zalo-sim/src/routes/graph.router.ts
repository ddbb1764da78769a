import { type Request, Router } from "express";
import type { SimContext } from "../context.js";
import { sendInvalidParam, sendZaloError, ZaloError, zaloOk } from "../envelope.js";
import { isAppSecretProofValid } from "../middleware/zalo-api.js";
import { avatarOf } from "../state/users.js";

/**
 * graph.zalo.me as the ward's server uses it to verify a Mini App user (reference §1.9):
 * /v2.0/me (identity) and /v2.0/me/info (phone token → number).
 */
export function graphRouter(ctx: SimContext): Router {
  const router = Router();

  const tokenOf = (req: Request): string | undefined => {
    const fromQuery = req.query.access_token;
    return req.get("access_token") ?? (typeof fromQuery === "string" ? fromQuery : undefined);
  };

  router.get("/v2.0/me", (req, res) => {
    const token = tokenOf(req);
    const check = token ? ctx.userTokens.checkAccessToken(token) : { status: "unknown" as const };
    if (check.status === "expired")
      return sendZaloError(res, ZaloError.accessTokenExpired, "Access token has expired");
    const user = check.status === "valid" ? ctx.users.getByApp(check.idByApp) : undefined;
    if (!user || token === undefined)
      return sendZaloError(res, ZaloError.accessTokenInvalid, "Invalid access token");
    if (!isAppSecretProofValid(req, ctx.config.appSecret, token)) {
      return sendZaloError(res, ZaloError.appSecretProofInvalid, "appsecret_proof is invalid");
    }
    const miniAppId = req.query.miniapp_id;
    // Catches a server configured with another Mini App's id, which in Zalo yields no user_id_by_oa.
    if (miniAppId !== undefined && miniAppId !== ctx.config.miniAppId)
      return sendInvalidParam(res, "miniapp_id");
    // Graph answers the fields asked for (`id` always, `id,name,picture` when none are named). The OA
    // link (`user_id_by_oa`, `is_follower`) is a Mini App's: it comes only with the Mini App's id, as
    // the SDK's own call sends it (docs/zalo-contracts.md §1.9). `is_follower` then comes even when
    // not asked for: zmp-sdk reads it from an answer to a call that does not name it.
    const fields = new Set(
      typeof req.query.fields === "string"
        ? req.query.fields.split(",").map((f) => f.trim().replace(/[.(].*$/, ""))
        : ["name", "picture"],
    );
    const forMiniApp = miniAppId === ctx.config.miniAppId;
    res.json({
      id: user.idByApp,
      ...(fields.has("name") && { name: user.name }),
      ...(fields.has("picture") && { picture: { data: { url: avatarOf(user) } } }),
      ...(fields.has("user_id_by_oa") &&
        forMiniApp &&
        user.idByOa !== undefined && { user_id_by_oa: user.idByOa }),
      ...(forMiniApp && { is_follower: user.isFollower }),
      ...(fields.has("is_sensitive") && { is_sensitive: false }),
    });
  });

  router.get("/v2.0/me/info", (req, res) => {
    const token = tokenOf(req);
    const check = token ? ctx.userTokens.checkAccessToken(token) : { status: "unknown" as const };
    if (check.status === "expired")
      return sendZaloError(res, ZaloError.accessTokenExpired, "Access token has expired");
    if (check.status !== "valid")
      return sendZaloError(res, ZaloError.accessTokenInvalid, "Invalid access token");
    if (req.get("secret_key") !== ctx.config.appSecret) return sendInvalidParam(res, "secret_key");
    const code = req.get("code");
    if (!code) return sendInvalidParam(res, "code");
    const redeemed = ctx.userTokens.redeemPhoneToken(code, check.idByApp);
    if (redeemed.status === "used")
      return sendZaloError(res, ZaloError.invalidParam, "code has already been used");
    if (redeemed.status === "expired") return sendZaloError(res, ZaloError.invalidParam, "code has expired");
    if (redeemed.status !== "valid") return sendInvalidParam(res, "code");
    const phone = ctx.users.getByApp(check.idByApp)?.phone;
    if (phone === undefined) return sendZaloError(res, ZaloError.invalidParam, "User has no phone number");
    res.json(zaloOk({ number: phone }));
  });

  return router;
}
