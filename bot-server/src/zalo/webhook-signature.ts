import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Checks X-ZEvent-Signature: mac=sha256(appId + rawBody + timestamp + OA secret key), plain SHA-256,
 * not HMAC. The reference leaves some details unconfirmed, so every documented variant is accepted:
 * app_id or oa_id as the first term, with or without the "mac=" prefix, any hex case.
 */
export function isValidZaloSignature(args: {
  header: string | undefined;
  rawBody: Buffer;
  timestamp: string | undefined;
  appId: string;
  oaId: string;
  secret: string;
}): boolean {
  const { header, rawBody, timestamp, appId, oaId, secret } = args;
  if (!header || !timestamp) return false;
  const got = Buffer.from(
    header
      .replace(/^\s*mac\s*=\s*/i, "")
      .trim()
      .toLowerCase(),
    "utf8",
  );
  for (const firstTerm of [appId, oaId]) {
    const expected = Buffer.from(
      createHash("sha256").update(firstTerm).update(rawBody).update(timestamp).update(secret).digest("hex"),
      "utf8",
    );
    if (got.length === expected.length && timingSafeEqual(got, expected)) return true;
  }
  return false;
}
