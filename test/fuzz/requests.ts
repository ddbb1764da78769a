import { createHash } from "node:crypto";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import type { FuzzWorld, Identity, Who } from "./fuzz-world.js";
import {
  deepJson,
  define,
  deleteAt,
  type Hostile,
  HUGE,
  mapStrings,
  objectsOf,
  type PathShape,
  pathsOf,
  renameAt,
  setAt,
} from "./hostile.js";
import type { WireRequest } from "./http-send.js";
import {
  type FuzzRoute,
  type Plan,
  type SignatureKind,
  type TimeKind,
  UPLOADS,
  type UploadKind,
  WEBHOOK,
  type WebhookPlan,
} from "./plans.js";
import { Pick } from "./schema-arbitrary.js";
import { at, type Pools } from "./ward-state.js";

// ——— building a request ———

interface Draft {
  method: string;
  params: Record<string, string>;
  /** Path segments added after the route's path. */
  suffix: string;
  shape?: PathShape;
  query: string;
  headers: Record<string, string | string[]>;
  body:
    | { kind: "none" }
    | { kind: "json"; value: unknown }
    | { kind: "bytes"; bytes: Buffer; contentType: string | null };
  encoding?: Extract<Hostile, { kind: "contentEncoding" }>;
}

/** Characters node:http does not put in a path are percent-encoded; everything else goes as it is. */
const rawPath = (text: string) => text.replace(/[^\u0021-\u007e]/gu, (c) => encodeURIComponent(c));

function identityOf(world: FuzzWorld, who: Who): Identity | undefined {
  return who === "anonymous" ? undefined : world.identities[who];
}

export function buildRequest(
  world: FuzzWorld,
  pools: Pools,
  route: FuzzRoute,
  plan: Plan,
  who: Who,
  mode: "valid" | "hostile",
) {
  const identity = identityOf(world, who);
  const resolver = new Resolver(world, pools, route, identity);
  const params = Object.fromEntries(
    route.paramNames.map((name) => [
      name,
      encodeURIComponent(String(resolver.resolve(plan.params[name], name) ?? "")),
    ]),
  );
  const draft: Draft = {
    method: route.method,
    params,
    suffix: "",
    query: queryString(resolver.resolve(plan.query, "query")),
    headers: { "x-forwarded-for": plan.ip },
    body: { kind: "none" },
  };
  const isStaff = who === "editor" || who === "approver" || who === "admin";
  if (identity) {
    if (isStaff && plan.cookie) {
      draft.headers.cookie = `loa_session=${identity.cookieToken}`;
      if (plan.browser) {
        draft.headers.origin = new URL(world.stack.url).origin;
        draft.headers["sec-fetch-site"] = "same-origin";
      }
    } else draft.headers.authorization = `Bearer ${identity.token}`;
  }
  let webhookEvent: Record<string, unknown> | undefined;
  if (route.key === WEBHOOK) {
    webhookEvent = webhookEventOf(world, plan.webhook, mode, resolver);
    draft.body = { kind: "json", value: webhookEvent };
  } else if (route.key === UPLOADS) {
    draft.body = uploadOf(world.photo, mode === "valid" ? "png" : plan.upload);
  } else if (route.route.body) {
    draft.body = { kind: "json", value: resolver.resolve(plan.body, "body") };
  }
  if (mode === "hostile") for (const h of plan.hostile) applyHostile(draft, h, identity);
  const wire = serialize(draft, route);
  if (webhookEvent) signWebhook(world, wire, plan.webhook, mode, webhookEvent);
  return wire;
}

function queryString(query: unknown): string {
  if (query === null || typeof query !== "object") return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
  }
  return search.toString();
}

/** Turns the plan's placeholders into real values of the ward at send time. */
class Resolver {
  private loginAccount: { username: string; password: string } | undefined;
  /** The post the path names (resolved first): whose current version an approval names. */
  private post: string | undefined;

  constructor(
    private readonly world: FuzzWorld,
    private readonly pools: Pools,
    private readonly route: FuzzRoute,
    private readonly identity: Identity | undefined,
  ) {}

  resolve(value: unknown, key: string): unknown {
    if (value instanceof Pick) return this.real(value, key);
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, key));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) define(out, k, this.resolve(v, k));
      return out;
    }
    return value;
  }

  private real(p: Pick, key: string): unknown {
    const { pools, world } = this;
    const n = p.pick;
    switch (p.pool) {
      case "post":
        this.post = at(this.postPool(key, n), n >>> 3);
        return this.post ?? `khong-co-${key}`;
      case "group":
      case "school":
      case "campaign":
      case "upload":
      case "relayRef":
      case "relayTask":
      case "broadcast":
      case "schedule":
      case "member":
      case "signal":
      case "webhookEvent":
      case "msgId":
        return at(pools[p.pool] as unknown[], n) ?? `khong-co-${key}`;
      case "pollOption":
        return at(["a", "b", "c", "a", "b", "z"], n);
      case "postVersion":
        return (this.post && pools.postVersion.get(this.post)) ?? (n % 3) + 1;
      case "loginUser": {
        this.loginAccount = at(world.loginAccounts, n);
        return n % 7 === 0 ? `khong-co-${n}` : this.loginAccount!.username;
      }
      case "loginPassword": {
        const account = this.loginAccount ?? at(world.loginAccounts, n)!;
        return n % 4 === 0 ? "sai-mat-khau" : account.password;
      }
      case "zaloToken":
        return world.stack.sim.issueUserAccessToken(this.zaloUser(n));
      case "phoneToken": {
        // Only the resident callers were given a phone in Zalo; anyone else's phone token is a made-up one.
        const owner = this.identity?.idByApp ?? world.identities.resident.idByApp!;
        return n % 5 === 0 ? `khong-co-${n}` : world.stack.sim.issuePhoneToken(owner);
      }
      default:
        return undefined;
    }
  }

  /** Posts a route can act on, most of the time: readable ones, submitted ones to approve, drafts to submit. */
  private postPool(key: string, n: number): string[] {
    const { pools, route } = this;
    if (n % 4 === 0) return pools.post;
    const t = route.template;
    const choice =
      t.startsWith("/api/feed/") || (key === "postId" && !t.startsWith("/api/broadcast"))
        ? pools.feedPost
        : t.endsWith("/approve") || t.endsWith("/reject")
          ? pools.submittedPost
          : t.endsWith("/submit") || route.key === "PATCH /api/posts/:id"
            ? pools.draftPost
            : key === "postId"
              ? pools.approvedPost
              : pools.post;
    return choice.length > 0 ? choice : pools.post;
  }

  /** Whose Zalo token a route is sent: the caller's own, the linked staff member's, a resident's, a newcomer's. */
  private zaloUser(n: number): string {
    const { world } = this;
    if (this.route.key === "POST /api/me/phone" && this.identity?.idByApp && n % 5 !== 0)
      return this.identity.idByApp;
    if (this.route.key === "POST /api/auth/staff/zalo" && n % 3 !== 0) return world.zaloStaff;
    if (n % 4 === 0) return at(world.zaloNewcomers, n)!;
    return at(world.zaloResidents, n)!;
  }
}

function webhookEventOf(world: FuzzWorld, w: WebhookPlan, mode: "valid" | "hostile", resolver: Resolver) {
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
function signWebhook(
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

/** A small photo, or something claiming to be an image. */
function uploadOf(photo: Buffer, kind: UploadKind): Draft["body"] {
  const png = (bytes: Buffer) => ({ kind: "bytes" as const, bytes, contentType: "image/png" });
  switch (kind) {
    case "png":
      return png(photo);
    case "jpegGarbage":
      return {
        kind: "bytes",
        bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]),
        contentType: "image/jpeg",
      };
    case "empty":
      return png(Buffer.alloc(0));
    case "text":
      return { kind: "bytes", bytes: Buffer.from("không phải ảnh"), contentType: "image/webp" };
    case "bomb": {
      // A well-formed PNG header (its checksum redone) claiming 100,000 × 100,000 pixels.
      const bomb = Buffer.from(photo);
      bomb.writeUInt32BE(100_000, 16);
      bomb.writeUInt32BE(100_000, 20);
      bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
      return png(bomb);
    }
    case "svg":
      return {
        kind: "bytes",
        bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        contentType: "image/svg+xml",
      };
    case "truncated":
      return png(photo.subarray(0, 30));
    case "gif":
      return {
        kind: "bytes",
        bytes: Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"),
        contentType: "image/gif",
      };
  }
}

/** CRC-32 as PNG chunks carry it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function jsonOf(draft: Draft): unknown {
  return draft.body.kind === "json" ? draft.body.value : {};
}

function applyHostile(draft: Draft, h: Hostile, identity: Identity | undefined): void {
  const paramNames = Object.keys(draft.params);
  const setParams = (value: string) => {
    if (paramNames.length === 0) draft.suffix = `${draft.suffix}/${value}`;
    else for (const name of paramNames) draft.params[name] = value;
  };
  switch (h.kind) {
    case "wrongType": {
      const value = jsonOf(draft);
      const paths = pathsOf(value);
      draft.body = { kind: "json", value: setAt(value, at(paths, h.at), clone(h.value)) };
      return;
    }
    case "dropField": {
      const value = jsonOf(draft);
      const path = at(pathsOf(value), h.at);
      draft.body = path ? { kind: "json", value: deleteAt(value, path) } : { kind: "none" };
      return;
    }
    case "extraField":
    case "protoKey": {
      let value = jsonOf(draft);
      const objects = objectsOf(value);
      if (objects.length === 0) value = {};
      const target = at(objectsOf(value), h.at)!;
      define(target, h.key, clone(h.value));
      draft.body = { kind: "json", value };
      return;
    }
    case "hugeString": {
      const value = jsonOf(draft);
      const path = at(pathsOf(value), h.at);
      draft.body = { kind: "json", value: path ? setAt(value, path, HUGE[h.text]) : { text: HUGE[h.text] } };
      return;
    }
    case "badText": {
      const value = jsonOf(draft);
      const path = at(pathsOf(value), h.at);
      const bad = path
        ? h.inKey && typeof path[path.length - 1] === "string"
          ? renameAt(value, path, (key) => `${key}${h.text}`)
          : setAt(value, path, `${h.text}`)
        : { [`k${h.text}`]: h.text };
      draft.body = { kind: "json", value: bad };
      return;
    }
    case "badTextEverywhere": {
      // Every string gets it: a field that reaches the store without the check cannot hide.
      const value = jsonOf(draft);
      draft.body = { kind: "json", value: mapStrings(value, (text) => `${text}${h.text}`) };
      return;
    }
    case "topLevel":
      draft.body = { kind: "json", value: clone(h.value) };
      return;
    case "deepJson":
      draft.body = {
        kind: "bytes",
        bytes: Buffer.from(deepJson(h.depth, h.shape)),
        contentType: "application/json",
      };
      return;
    case "malformedJson":
      draft.body = { kind: "bytes", bytes: Buffer.from(h.text), contentType: "application/json" };
      return;
    case "notJson":
      draft.body = { kind: "bytes", bytes: Buffer.from(h.text), contentType: h.contentType };
      return;
    case "contentEncoding":
      draft.encoding = h;
      return;
    case "oversized":
      draft.body = {
        kind: "bytes",
        bytes: Buffer.from(JSON.stringify({ text: "a".repeat(h.size) })),
        contentType: "application/json",
      };
      return;
    case "badPercent":
      if (h.where === "query") draft.query = `${draft.query}${draft.query ? "&" : ""}status=${h.seq}`;
      else if (h.where === "param" && paramNames.length > 0) draft.params[paramNames[0]!] = h.seq;
      else draft.suffix = `${draft.suffix}/${h.seq}`;
      return;
    case "longPath":
      setParams("a".repeat(h.size));
      return;
    case "junkId":
      setParams(h.encode ? encodeURIComponent(h.value) : rawPath(h.value));
      return;
    case "pathShape":
      draft.shape = h.variant;
      return;
    case "wrongMethod":
      draft.method = h.method;
      return;
    case "junkQuery":
      draft.query = h.query;
      return;
    case "badCookie": {
      const valid = identity?.cookieToken ?? identity?.token;
      delete draft.headers.authorization;
      draft.headers.cookie =
        valid && h.withValid === "before"
          ? `loa_session=${valid}; ${h.cookie}`
          : valid && h.withValid === "after"
            ? `${h.cookie}; loa_session=${valid}`
            : h.cookie;
      return;
    }
    case "badAuth":
      draft.headers.authorization = h.value;
      return;
    case "crossSite": {
      if (identity?.cookieToken) {
        delete draft.headers.authorization;
        draft.headers.cookie = `loa_session=${identity.cookieToken}`;
      }
      if (h.origin === null) delete draft.headers.origin;
      else draft.headers.origin = h.origin;
      if (h.site === null) delete draft.headers["sec-fetch-site"];
      else draft.headers["sec-fetch-site"] = h.site;
      return;
    }
    case "oddHeaders":
      for (const [name, value] of Object.entries(h.headers)) draft.headers[name] = value;
      return;
  }
}

/** The path (params filled in, then any shape changes), the query, the body bytes and their headers. */
function serialize(draft: Draft, route: FuzzRoute): WireRequest {
  let path =
    route.template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => draft.params[name] ?? "") + draft.suffix;
  switch (draft.shape) {
    case "trailingSlash":
      path += "/";
      break;
    case "doubleSlash":
      path = path.replace(/\//g, "//");
      break;
    case "upperCase":
      path = path.toUpperCase();
      break;
    case "extraSegment":
      path += "/them";
      break;
    case "dotSegment":
      path = `/khac/..${path}`;
      break;
    case "noMount":
      path = path.startsWith("/api/") ? path.slice(4) : `/api${path}`;
      break;
  }
  if (draft.query) path += `?${draft.query}`;
  const headers = { ...draft.headers };
  const hasType = Object.keys(headers).includes("content-type");
  let body: Buffer | undefined;
  if (draft.body.kind === "json") {
    const text = JSON.stringify(draft.body.value);
    if (text !== undefined) {
      body = Buffer.from(text);
      if (!hasType) headers["content-type"] = "application/json";
    }
  } else if (draft.body.kind === "bytes") {
    body = draft.body.bytes;
    if (!hasType && draft.body.contentType !== null) headers["content-type"] = draft.body.contentType;
  }
  if (draft.encoding) {
    const source = body ?? Buffer.from("{}");
    const { encoding, payload } = draft.encoding;
    headers["content-encoding"] = encoding;
    if (!hasType && !headers["content-type"]) headers["content-type"] = "application/json";
    body =
      payload === "empty"
        ? Buffer.alloc(0)
        : payload === "garbage"
          ? Buffer.from("đây không phải dữ liệu nén \u0000\u0001\u0002")
          : encoding.startsWith("gzip")
            ? gzipSync(source)
            : encoding === "deflate"
              ? deflateSync(source)
              : encoding === "br"
                ? brotliCompressSync(source)
                : source;
  }
  // node:http sends a GET's or DELETE's body without a length (the server would read it as the next request).
  if (body) headers["content-length"] = String(body.length);
  return { method: draft.method, path: rawPath(path), headers, ...(body ? { body } : {}) };
}

/** The start of a body, as text (a finding's recipe). */
export function excerptOf(body: Buffer | undefined): string {
  if (!body) return "";
  const text = body.subarray(0, 600).toString("utf8");
  return body.length > 600 ? `${text}… (${body.length} bytes)` : text;
}
