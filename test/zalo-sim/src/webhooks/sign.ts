import { createHash } from "node:crypto";

/**
 * Zalo's webhook signature (reference §5.2): plain SHA-256 (not HMAC) of
 * app_id + raw body + timestamp + OA secret key, lowercase hex, sent as "mac=<hex>".
 */
export function signWebhook(args: {
  appId: string;
  rawBody: string;
  timestamp: string;
  secret: string;
}): string {
  const hex = createHash("sha256")
    .update(args.appId + args.rawBody + args.timestamp + args.secret, "utf8")
    .digest("hex");
  return `mac=${hex}`;
}
