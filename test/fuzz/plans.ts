import type { Access, RegisteredRoute, RouteRegistry } from "@loa-phuong/bot-server/http";
import type fc from "fast-check";
import { everyone, type Who } from "./fuzz-identities.js";
import type { Hostile } from "./hostile.js";
import { planArbitrary } from "./plan-arbitrary.js";
import type { JsonSchema } from "./schema-arbitrary.js";

export type UploadKind = "png" | "jpegGarbage" | "empty" | "text" | "bomb" | "svg" | "truncated" | "gif";
export type SignatureKind =
  | "valid"
  | "none"
  | "garbage"
  | "tampered"
  | "wrongSecret"
  | "prefixless"
  | "upper"
  | "empty";
export type TimeKind = "now" | "old" | "future" | "iso" | "float" | "negative" | "huge" | "missing" | "empty";

export interface WebhookPlan {
  event: string;
  user: number;
  text: string;
  msgId: string;
  numberTime: boolean;
  signature: SignatureKind;
  time: TimeKind;
}

/** Everything random about one request, drawn by fast-check; the engine turns it into bytes. */
export interface Plan {
  who: Who;
  useAllowed: boolean;
  allowedPick: number;
  cookie: boolean;
  browser: boolean;
  mode: "valid" | "hostile";
  params: Record<string, unknown>;
  query: unknown;
  body: unknown;
  hostile: Hostile[];
  ip: string;
  upload: UploadKind;
  webhook: WebhookPlan;
}

/** A declared route as the fuzzer sees it, with the plans it draws for it (in chunks, from the seed). */
export interface FuzzRoute {
  /** `POST /api/posts/:id/approve` */
  key: string;
  route: RegisteredRoute;
  method: string;
  template: string;
  paramNames: string[];
  allowed: Who[];
  /** The pool real ids of this route's `:id` come from. */
  idPool: string;
  arbitrary: fc.Arbitrary<Plan>;
  buffer: Plan[];
  drawn: number;
}

export const WEBHOOK = "POST /webhooks/zalo";

/**
 * How often a route is drawn, by how much of a request it reads: the webhook (public, signed, recorded
 * as sent) most, then routes that take a body, then the rest.
 */
export const weightOf = (route: FuzzRoute) =>
  route.key === WEBHOOK ? 4 : route.route.body || route.route.consumes ? 2 : 1;
export const UPLOADS = "POST /api/uploads";
export const LOGIN_ROUTES = new Set([
  "POST /api/auth/staff/login",
  "POST /api/auth/zalo",
  "POST /api/auth/staff/zalo",
]);

/** Who the route lets in (the role check); the others are sent too, less often. */
function allowedFor(access: Access): Who[] {
  if (access === "public" || access === "signed") return everyone;
  if (access === "signedIn") return everyone.filter((w) => w !== "anonymous");
  if (access === "resident") return ["resident", "head"];
  if (access === "head") return ["head"];
  if (access === "staff") return ["editor", "approver", "admin"];
  return (["editor", "approver", "admin"] as const).filter((role) => access.includes(role));
}

/** Where the real ids of a route's `:id` come from. */
function idPoolOf(template: string): string {
  const pools: Array<[string, string]> = [
    ["/api/posts/", "post"],
    ["/api/feed/", "post"],
    ["/api/broadcasts/", "broadcast"],
    ["/api/broadcast-schedules/", "schedule"],
    ["/api/uploads/", "upload"],
    ["/api/head/relay-tasks/", "relayTask"],
    ["/api/head/members/", "member"],
    ["/api/signals/", "signal"],
    ["/api/admin/webhook-events/", "webhookEvent"],
  ];
  return pools.find(([prefix]) => template.startsWith(prefix))?.[1] ?? "post";
}

const toJsonSchema = (schema: RegisteredRoute["params"]): JsonSchema | undefined =>
  schema ? (schema.toJSONSchema({ io: "input", unrepresentable: "any" }) as JsonSchema) : undefined;

/** A 32-bit mix of numbers: the seed of one chunk of draws. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h | 0;
}

/** Every declared route, with what the fuzzer draws for it. */
export function fuzzRoutes(registry: RouteRegistry): FuzzRoute[] {
  return registry.routes.map((route) => {
    const template = route.mount + route.path;
    const paramNames = [...template.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    const idPool = idPoolOf(template);
    return {
      key: `${route.method.toUpperCase()} ${template}`,
      route,
      method: route.method.toUpperCase(),
      template,
      paramNames,
      allowed: allowedFor(route.access),
      idPool,
      arbitrary: planArbitrary(paramNames, idPool, {
        params: toJsonSchema(route.params),
        query: toJsonSchema(route.query),
        body: toJsonSchema(route.body),
      }),
      buffer: [],
      drawn: 0,
    };
  });
}
