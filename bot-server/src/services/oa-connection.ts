import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Config } from "../config/config.js";
import { AppError } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import type { OaTokenStore } from "../zalo/oa-token-store.js";
import { ZaloError } from "../zalo/zalo-error.js";
import { recordAudit } from "./audit.js";

/** A permission link lives as long as Zalo's authorization code: 10 minutes. */
const PENDING_SECONDS = 600;

export const OAUTH_CALLBACK_PATH = "/zalo/oauth/callback";

interface Pending {
  staffId: string;
  codeVerifier: string;
}

const pendingKey = (config: Config, state: string) => `${config.QUEUE_PREFIX}:oa-connect:${state}`;

/**
 * Starts connecting the ward's OA: Zalo's OAuth v4 permission link with a PKCE challenge and a
 * `state` that only this admin's session can bring back (kept in Redis for 10 minutes).
 */
export async function startOaConnection(
  deps: { config: Config; redis: Redis },
  staffId: string,
): Promise<{ permissionUrl: string; expiresInSec: number }> {
  const { config, redis } = deps;
  const state = randomBytes(24).toString("base64url");
  // 32 random bytes make a 43-character verifier, as Zalo expects.
  const codeVerifier = randomBytes(32).toString("base64url");
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  const pending: Pending = { staffId, codeVerifier };
  await redis.set(pendingKey(config, state), JSON.stringify(pending), "EX", PENDING_SECONDS);
  const url = new URL("/v4/oa/permission", config.ZALO_OAUTH_BASE_URL);
  url.searchParams.set("app_id", config.ZALO_APP_ID);
  url.searchParams.set("redirect_uri", new URL(OAUTH_CALLBACK_PATH, config.PUBLIC_BASE_URL).toString());
  url.searchParams.set("code_challenge", codeChallenge);
  url.searchParams.set("state", state);
  return { permissionUrl: url.toString(), expiresInSec: PENDING_SECONDS };
}

/**
 * Zalo sent the admin back with a code: it is exchanged (with the verifier of this admin's link) for
 * the OA's tokens, which replace whatever the store held. Each state is used once.
 */
export async function finishOaConnection(
  deps: { config: Config; redis: Redis; db: Db; tokens: OaTokenStore },
  staffId: string,
  answer: { code?: string | undefined; state: string; oaId?: string | undefined; error?: string | undefined },
): Promise<void> {
  const { config, redis } = deps;
  const stored = await redis.getdel(pendingKey(config, answer.state));
  const pending = stored ? (JSON.parse(stored) as Pending) : undefined;
  if (!pending || pending.staffId !== staffId)
    throw new AppError(
      "forbidden",
      "Liên kết cấp quyền đã hết hạn hoặc không phải của bạn. Hãy bấm “Kết nối” lại.",
    );
  if (answer.error || !answer.code)
    throw new AppError("invalid_transition", "Quyền OA chưa được cấp (đã bấm “Từ chối” trên Zalo).");
  if (answer.oaId && answer.oaId !== config.ZALO_OA_ID)
    throw new AppError(
      "conflict",
      `Zalo cấp quyền cho OA ${answer.oaId}, không phải OA của phường (${config.ZALO_OA_ID}). ` +
        "Hãy đăng nhập Zalo bằng tài khoản quản trị OA của phường.",
    );
  try {
    await deps.tokens.exchangeCode(answer.code, pending.codeVerifier);
  } catch (error) {
    if (error instanceof ZaloError && error.kind === "api")
      throw new AppError(
        "zalo_token_invalid",
        `Zalo không đổi được mã cấp quyền (${error.code}). Hãy thử lại.`,
      );
    if (error instanceof ZaloError) throw new AppError("zalo_unavailable");
    throw error;
  }
  await recordAudit(deps.db, {
    entityType: "staff",
    entityId: staffId,
    action: "oa_connected",
    actor: { type: "staff", id: staffId },
    details: { oaId: config.ZALO_OA_ID },
  });
}
