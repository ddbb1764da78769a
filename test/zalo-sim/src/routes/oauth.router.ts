import { type Response, Router } from "express";
import type { SimContext } from "../context.js";
import type { OaTokenPair } from "../state/oa-tokens.js";

/**
 * oauth.zaloapp.com/v4/oa/access_token (reference §4.2). Zalo's OAuth error body is not
 * confirmed [?]; the simulator answers HTTP 200 with
 * `{ error: <-14xxx>, error_name, error_reason, error_description, ref_doc }` (the shape S2
 * reports) using the codes below. -14002 matches S2; the others are the simulator's choice.
 */
export const OAuthError = {
  invalidParameter: -14001,
  invalidAppId: -14002,
  invalidSecretKey: -14004,
  invalidRefreshToken: -14005,
  invalidAuthorizationCode: -14006,
  invalidCodeVerifier: -14007,
} as const;

const REF_DOC =
  "https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new";
const REFRESH_TOKEN_TTL_SEC = 90 * 24 * 60 * 60;

function sendOAuthError(res: Response, error: number, name: string, reason: string): void {
  res
    .status(200)
    .json({ error, error_name: name, error_reason: reason, error_description: reason, ref_doc: REF_DOC });
}

export function tokenResponse(pair: OaTokenPair): Record<string, string> {
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires_in: String(pair.expiresIn),
    refresh_token_expires_in: String(REFRESH_TOKEN_TTL_SEC),
  };
}

const FAILURE_REASONS: Record<string, string> = {
  unknown: "is not known",
  used: "has already been used (single use)",
  expired: "has expired",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The consent screen's parameters, checked as Zalo checks them before showing it. */
function permissionParams(ctx: SimContext, source: Record<string, unknown>) {
  const field = (name: string) => (typeof source[name] === "string" ? source[name] : "");
  const params = {
    appId: field("app_id"),
    redirectUri: field("redirect_uri"),
    codeChallenge: field("code_challenge"),
    state: field("state"),
  };
  if (params.appId !== ctx.config.appId) return { error: "app_id is missing or does not match the app" };
  if (!/^https?:\/\//.test(params.redirectUri)) return { error: "redirect_uri must be an http(s) URL" };
  return { params };
}

/**
 * The OA's consent screen (reference §4.2): an OA admin opens the permission link, grants the app
 * access, and is sent back to the redirect URI with `code`, `oa_id` and `state`. The code is single
 * use, valid 10 minutes, bound to the PKCE challenge. Refusing sends back `error=access_denied`
 * (the simulator's choice; Zalo's answer to a refusal is not documented [?]).
 */
function permissionRoutes(router: Router, ctx: SimContext): void {
  router.get("/v4/oa/permission", (req, res) => {
    const checked = permissionParams(ctx, req.query);
    if (!checked.params) {
      res
        .status(400)
        .type("html")
        .send(`<p>Liên kết cấp quyền không hợp lệ: ${escapeHtml(checked.error)}</p>`);
      return;
    }
    const hidden = Object.entries({
      app_id: checked.params.appId,
      redirect_uri: checked.params.redirectUri,
      code_challenge: checked.params.codeChallenge,
      state: checked.params.state,
    })
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
      .join("");
    res.type("html").send(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cấp quyền cho ứng dụng – Zalo (mô phỏng)</title></head>
<body>
<h1>Cấp quyền cho ứng dụng</h1>
<p>Ứng dụng <b>${escapeHtml(ctx.config.appId)}</b> xin quyền quản lý Official Account
<b>${escapeHtml(ctx.config.oaId)}</b>: gửi tin nhắn, đọc thông tin người quan tâm.</p>
<form method="post" action="/v4/oa/permission">${hidden}
<button type="submit" name="decision" value="allow">Cho phép</button>
<button type="submit" name="decision" value="deny">Từ chối</button>
</form>
</body></html>`);
  });

  router.post("/v4/oa/permission", (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const checked = permissionParams(ctx, body);
    if (!checked.params) {
      res
        .status(400)
        .type("html")
        .send(`<p>Liên kết cấp quyền không hợp lệ: ${escapeHtml(checked.error)}</p>`);
      return;
    }
    const back = new URL(checked.params.redirectUri);
    if (body.decision === "allow") {
      const { code } = ctx.oaTokens.issueAuthCode(checked.params.codeChallenge || undefined);
      back.searchParams.set("code", code);
      back.searchParams.set("oa_id", ctx.config.oaId);
    } else back.searchParams.set("error", "access_denied");
    back.searchParams.set("state", checked.params.state);
    res.redirect(302, back.toString());
  });
}

export function oauthRouter(ctx: SimContext): Router {
  const router = Router();
  permissionRoutes(router, ctx);

  router.post("/v4/oa/access_token", (req, res) => {
    // Zalo's clients send a form; JSON is tolerated so a misconfigured client still gets a clear error.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const field = (name: string): string | undefined =>
      typeof body[name] === "string" ? body[name] : undefined;
    if (req.get("secret_key") !== ctx.config.appSecret) {
      return sendOAuthError(
        res,
        OAuthError.invalidSecretKey,
        "Invalid secret key",
        "secret_key header is missing or wrong",
      );
    }
    if (field("app_id") !== ctx.config.appId) {
      return sendOAuthError(
        res,
        OAuthError.invalidAppId,
        "Invalid app id",
        "app_id is missing or does not match the app",
      );
    }
    const grantType = field("grant_type");
    if (grantType === "refresh_token") {
      const refreshToken = field("refresh_token");
      if (!refreshToken)
        return sendOAuthError(
          res,
          OAuthError.invalidParameter,
          "Invalid parameter",
          "refresh_token is required",
        );
      const result = ctx.oaTokens.refresh(refreshToken);
      if (typeof result === "string") {
        const reason = `refresh_token ${FAILURE_REASONS[result] ?? result}`;
        return sendOAuthError(res, OAuthError.invalidRefreshToken, "Invalid refresh token", reason);
      }
      return res.json(tokenResponse(result));
    }
    if (grantType === "authorization_code") {
      const code = field("code");
      if (!code)
        return sendOAuthError(res, OAuthError.invalidParameter, "Invalid parameter", "code is required");
      const result = ctx.oaTokens.exchangeCode(code, field("code_verifier"));
      if (result === "verifier") {
        return sendOAuthError(
          res,
          OAuthError.invalidCodeVerifier,
          "Invalid code verifier",
          "code_verifier does not match code_challenge",
        );
      }
      if (typeof result === "string") {
        const reason = `code ${FAILURE_REASONS[result] ?? result}`;
        return sendOAuthError(res, OAuthError.invalidAuthorizationCode, "Invalid authorization code", reason);
      }
      return res.json(tokenResponse(result));
    }
    sendOAuthError(
      res,
      OAuthError.invalidParameter,
      "Invalid parameter",
      "grant_type must be refresh_token or authorization_code",
    );
  });

  return router;
}
