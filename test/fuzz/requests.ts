import { applyHostile } from "./apply-hostile.js";
import type { Identity, Who } from "./fuzz-identities.js";
import type { FuzzWorld } from "./fuzz-world.js";
import { type FuzzRoute, type Plan, UPLOADS, WEBHOOK } from "./plans.js";
import { type Draft, serialize } from "./request-draft.js";
import { Resolver } from "./request-resolver.js";
import { uploadOf } from "./upload-body.js";
import type { Pools } from "./ward-state.js";
import { signWebhook, webhookEventOf } from "./webhook-request.js";

// ——— building a request ———

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

/** The start of a body, as text (a finding's recipe). */
export function excerptOf(body: Buffer | undefined): string {
  if (!body) return "";
  const text = body.subarray(0, 600).toString("utf8");
  return body.length > 600 ? `${text}… (${body.length} bytes)` : text;
}
