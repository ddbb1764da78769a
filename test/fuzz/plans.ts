import type { Access, RegisteredRoute, RouteRegistry } from "@loa-phuong/bot-server/http";
import fc from "fast-check";
import { everyone, type Who } from "./fuzz-world.js";
import { type Hostile, hostileArbitrary } from "./hostile.js";
import { type JsonSchema, Pick, schemaArbitrary } from "./schema-arbitrary.js";

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

const pick = (pool: string) => fc.noBias(fc.nat()).map((n) => new Pick(pool, n));
const keyPools: Record<string, string> = {
  postId: "post",
  residentialGroupId: "group",
  schoolId: "school",
  campaignId: "campaign",
  ref: "relayRef",
  version: "postVersion",
  accessToken: "zaloToken",
  phoneToken: "phoneToken",
  username: "loginUser",
  password: "loginPassword",
};
const arrayPools: Record<string, string> = {
  residentialGroupIds: "group",
  uploadIds: "upload",
  optionIds: "pollOption",
};

/** An audience the server takes: whole ward, real groups, civic roles (of real schools); some excluded. */
const audienceItem = fc.oneof(
  fc.constant({ wholeWard: true }),
  fc.record({ residentialGroupIds: fc.array(pick("group"), { minLength: 1, maxLength: 2 }) }),
  fc.record({
    civicRoles: fc.array(
      fc.record(
        {
          role: fc.constantFrom("parent", "teacher", "party_member", "group_head"),
          schoolId: pick("school"),
        },
        { requiredKeys: ["role"] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);
const audience = fc.record(
  {
    include: fc.array(audienceItem, { minLength: 1, maxLength: 2 }),
    exclude: fc.array(audienceItem, { maxLength: 1 }),
  },
  { requiredKeys: ["include"] },
);

/** Real values for the properties that name one: ids of the ward's rows, current versions, Zalo tokens. */
function hints(key: string, schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (key === "audience")
    return fc.oneof(
      { weight: 3, arbitrary: audience },
      { weight: 1, arbitrary: schemaArbitrary(schema, hints) },
    );
  const pool = keyPools[key];
  if (pool)
    return fc.oneof({ weight: 4, arbitrary: pick(pool) }, { weight: 1, arbitrary: schemaArbitrary(schema) });
  const items = arrayPools[key];
  if (items) {
    const min = schema.minItems ?? 0;
    const max = Math.max(min, Math.min(schema.maxItems ?? 3, 3));
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(pick(items), { minLength: min, maxLength: max }) },
      { weight: 1, arbitrary: schemaArbitrary(schema) },
    );
  }
  return undefined;
}

const webhookArbitrary: fc.Arbitrary<WebhookPlan> = fc.record({
  event: fc.constantFrom(
    "user_send_text",
    "user_send_text",
    "user_send_image",
    "user_send_link",
    "user_received_message",
    "user_seen_message",
    "follow",
    "unfollow",
    "user_click_chatnow",
    "user_send_group_text",
    "oa_send_text",
    "su_kien_khong_co",
  ),
  user: fc.nat(),
  text: schemaArbitrary({ type: "string", minLength: 1, maxLength: 300 }) as fc.Arbitrary<string>,
  msgId: fc.stringMatching(/^[0-9a-f]{32}$/),
  numberTime: fc.boolean(),
  // Most hostile webhooks are signed and on time, so what is wrong in their body reaches the inbox.
  signature: fc.oneof(
    { weight: 14, arbitrary: fc.constant<SignatureKind>("valid") },
    {
      weight: 7,
      arbitrary: fc.constantFrom<SignatureKind>(
        "none",
        "garbage",
        "tampered",
        "wrongSecret",
        "prefixless",
        "upper",
        "empty",
      ),
    },
  ),
  time: fc.oneof(
    { weight: 12, arbitrary: fc.constant<TimeKind>("now") },
    {
      weight: 4,
      arbitrary: fc.constantFrom<TimeKind>(
        "old",
        "future",
        "iso",
        "float",
        "negative",
        "huge",
        "missing",
        "empty",
      ),
    },
  ),
});

/**
 * A route's plans: the caller, valid or hostile, its path params (usually real ids), query and body drawn
 * from its schemas (with real values where a property names one), one or two hostile changes (used
 * only when the plan is hostile), the address it comes from, and the upload and webhook specifics.
 */
function planArbitrary(
  paramNames: string[],
  idPool: string,
  schemas: Record<"params" | "query" | "body", JsonSchema | undefined>,
): fc.Arbitrary<Plan> {
  const params = schemas.params
    ? fc.record(
        Object.fromEntries(
          paramNames.map((name) => {
            const sub = schemas.params?.properties?.[name] ?? { type: "string" };
            return [
              name,
              fc.oneof(
                { weight: 4, arbitrary: pick(idPool) },
                { weight: 1, arbitrary: schemaArbitrary(sub) },
              ),
            ];
          }),
        ),
      )
    : fc.constant({});
  return fc.record({
    who: fc.constantFrom(...everyone),
    useAllowed: fc.boolean(),
    allowedPick: fc.nat(),
    cookie: fc.boolean(),
    browser: fc.boolean(),
    mode: fc.constantFrom<"valid" | "hostile">("valid", "hostile", "hostile"),
    params: params as fc.Arbitrary<Record<string, unknown>>,
    query: schemas.query
      ? fc.option(schemaArbitrary(schemas.query, hints), { nil: undefined })
      : fc.constant(undefined),
    body: schemas.body ? schemaArbitrary(schemas.body, hints) : fc.constant(undefined),
    hostile: fc.array(hostileArbitrary, { minLength: 1, maxLength: 2 }),
    ip: fc.ipV4(),
    upload: fc.constantFrom<UploadKind>(
      "png",
      "png",
      "png",
      "jpegGarbage",
      "empty",
      "text",
      "bomb",
      "svg",
      "truncated",
      "gif",
    ),
    webhook: webhookArbitrary,
  });
}

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
