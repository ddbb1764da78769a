import { createHash } from "node:crypto";
import type { FuzzWorld } from "./fuzz-world.js";
import type { WireRequest } from "./http-send.js";
import type { SignatureKind, TimeKind, WebhookPlan } from "./plans.js";
import type { Resolver } from "./request-resolver.js";
import { Pick } from "./schema-arbitrary.js";
import { at } from "./ward-state.js";

export function webhookEventOf(
  world: FuzzWorld,
  w: WebhookPlan,
  mode: "valid" | "hostile",
  resolver: Resolver,
) {
  const { config } = world.stack;
  const user = at(world.oaUsers, w.user) ?? "6100000000000000";
  const time = mode === "valid" ? "now" : w.time;
  const now = Date.now();
  const timestamps: Record<TimeKind, unknown> = {
    now: w.numberTime ? now : String(now),
    old: String(now - 8 * 86_400_000),
    future: String(now + 3_600_000),
    iso: new Date(now).toISOString(),
    float: now + 0.5,
    negative: -now,
    huge: "9".repeat(16),
    missing: undefined,
    empty: "",
  };
  const base: Record<string, unknown> = {
    app_id: config.ZALO_APP_ID,
    event_name: w.event,
    timestamp: timestamps[time],
  };
  const msgId = (resolver.resolve(new Pick("msgId", w.user), "msg_id") as string | undefined) ?? w.msgId;
  if (w.event.startsWith("user_send_"))
    Object.assign(base, {
      sender: { id: user },
      recipient: { id: config.ZALO_OA_ID },
      user_id_by_app: at(world.zaloResidents, w.user),
      message:
        w.event === "user_send_image"
          ? {
              msg_id: w.msgId,
              attachments: [{ type: "image", payload: { url: "https://zalo.example/anh.jpg" } }],
            }
          : { msg_id: w.msgId, text: w.text },
    });
  else if (w.event === "user_received_message" || w.event === "user_seen_message")
    Object.assign(base, {
      sender: { id: config.ZALO_OA_ID },
      recipient: { id: user },
      message: w.event === "user_seen_message" ? { msg_ids: [msgId] } : { msg_id: msgId },
    });
  else if (w.event === "follow" || w.event === "unfollow")
    Object.assign(base, { follower: { id: user }, user_id_by_app: at(world.zaloResidents, w.user) });
  else if (w.event === "user_click_chatnow") Object.assign(base, { user_id: user });
  else
    Object.assign(base, {
      sender: { id: config.ZALO_OA_ID },
      recipient: { id: user },
      message: { text: w.text },
    });
  if (timestamps[time] === undefined) delete base.timestamp;
  return base;
}

/** Signs the body as Zalo does (sha256 of app id + body + timestamp + OA secret), or not, or wrongly. */
export function signWebhook(
  world: FuzzWorld,
  wire: WireRequest,
  w: WebhookPlan,
  mode: "valid" | "hostile",
  event: object,
) {
  const { config } = world.stack;
  const raw = wire.body?.toString("utf8") ?? "";
  let timestamp = "";
  try {
    const parsed = JSON.parse(raw) as { timestamp?: unknown };
    timestamp =
      typeof parsed.timestamp === "number" ? String(parsed.timestamp) : String(parsed.timestamp ?? "");
  } catch {
    timestamp = String((event as { timestamp?: unknown }).timestamp ?? "");
  }
  const mac = (body: string, secret = config.ZALO_OA_SECRET_KEY) =>
    createHash("sha256")
      .update(config.ZALO_APP_ID + body + timestamp + secret)
      .digest("hex");
  const kind = mode === "valid" ? "valid" : w.signature;
  const header: Record<SignatureKind, string | undefined> = {
    valid: `mac=${mac(raw)}`,
    none: undefined,
    garbage: "mac=deadbeef",
    tampered: `mac=${mac(JSON.stringify(event))}`,
    wrongSecret: `mac=${mac(raw, "khong-phai-bi-mat")}`,
    prefixless: mac(raw),
    upper: `MAC=${mac(raw).toUpperCase()}`,
    empty: "",
  };
  const value = header[kind];
  if (value !== undefined) wire.headers["x-zevent-signature"] = value;
}
