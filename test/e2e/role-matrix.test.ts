import type { RouteRegistry } from "@loa-phuong/bot-server/http";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { approvedPost, type SeededWard, seedWard } from "./support/ward.js";

type Who = "anonymous" | "resident" | "head" | "collaborator" | "editor" | "approver" | "admin";
const everyone: Who[] = ["anonymous", "resident", "head", "collaborator", "editor", "approver", "admin"];
const residents: Who[] = ["resident", "head", "collaborator"];
const staff: Who[] = ["editor", "approver", "admin"];

/**
 * Every route, who may reach it (admin is a pure admin here: Bull Board, no content rights). A subject
 * outside the list must get 401 (not signed in) or 403; a subject inside must get past the role check
 * (any other status: 200, 400 for the dummy ids, 404…).
 */
const ID = "00000000-0000-4000-8000-000000000000";
const matrix: { route: string; allowed: Who[]; body?: unknown; fresh?: boolean }[] = [
  { route: "GET /health", allowed: everyone },
  { route: "GET /ready", allowed: everyone },
  { route: "GET /", allowed: everyone },
  { route: "POST /webhooks/zalo", allowed: everyone, body: {} },
  { route: "POST /auth/zalo", allowed: everyone, body: {} },
  { route: "POST /auth/staff/login", allowed: everyone, body: {} },
  { route: "POST /auth/staff/zalo", allowed: everyone, body: {} },
  { route: "POST /auth/logout", allowed: everyone, fresh: true },
  { route: "GET /me", allowed: residents },
  { route: "POST /me/onboarding", allowed: residents, body: {} },
  { route: "POST /me/join-group", allowed: residents, body: {} },
  { route: "POST /me/phone", allowed: residents, body: {} },
  { route: "PUT /me/preferences", allowed: residents, body: { largeText: false } },
  { route: "POST /me/oa-interaction", allowed: residents },
  { route: "GET /me/data", allowed: residents },
  { route: "GET /me/questions", allowed: residents },
  { route: "DELETE /me", allowed: residents, fresh: true },
  { route: "GET /residential-groups", allowed: [...residents, ...staff] },
  { route: "GET /schools", allowed: [...residents, ...staff] },
  { route: "GET /feed", allowed: residents },
  { route: "GET /feed/:id", allowed: residents },
  { route: "GET /feed/:id/engagement", allowed: residents },
  { route: "POST /feed/:id/read", allowed: residents },
  { route: "POST /feed/:id/reactions", allowed: residents, body: { reaction: "huu_ich", active: true } },
  { route: "POST /feed/:id/poll", allowed: residents, body: { optionIds: ["a"] } },
  { route: "POST /feed/:id/questions", allowed: residents, body: { kind: "question", text: "?" } },
  { route: "POST /uploads", allowed: residents, body: {} },
  { route: "GET /uploads/:id", allowed: [...residents, ...staff] },
  { route: "POST /reports", allowed: residents, body: {} },
  { route: "POST /nominations", allowed: residents, body: {} },
  { route: "POST /relay-opens", allowed: residents, body: { ref: "r-khongtontai" } },
  { route: "GET /head/relay-tasks", allowed: ["head"] },
  { route: "POST /head/relay-tasks/:id/shared", allowed: ["head"] },
  { route: "POST /head/relay-tasks/:id/confirm", allowed: ["head"] },
  { route: "POST /head/message-checks", allowed: ["head"], body: {} },
  { route: "GET /head/members", allowed: ["head"] },
  { route: "POST /head/members/:id", allowed: ["head"], body: { decision: "confirm" } },
  { route: "POST /opinion-reports", allowed: ["head", "collaborator"], body: {} },
  { route: "GET /staff/me", allowed: staff },
  { route: "PUT /signals/:id/visibility", allowed: ["editor", "approver"], body: { hidden: true } },
  { route: "GET /opinion/collaborators", allowed: staff },
  { route: "GET /campaigns", allowed: staff },
  { route: "POST /campaigns", allowed: ["editor"], body: {} },
  { route: "POST /plans/extract", allowed: ["editor"] },
  { route: "GET /campaigns/:id/tasks", allowed: staff },
  { route: "GET /campaigns/:id/report", allowed: staff },
  { route: "POST /campaigns/:id/units", allowed: ["editor"], body: {} },
  { route: "POST /units/:id/members", allowed: ["editor"], body: {} },
  { route: "POST /tasks", allowed: ["editor"], body: {} },
  { route: "POST /tasks/:id/reports", allowed: ["editor", "approver"], body: {} },
  { route: "POST /tasks/:id/urge", allowed: ["editor", "approver"] },
  { route: "GET /me/tasks", allowed: residents },
  { route: "POST /me/tasks/:id/reports", allowed: residents, body: {} },
  { route: "GET /opinion/collaborator-candidates", allowed: staff },
  { route: "POST /opinion/collaborators", allowed: ["editor", "approver"], body: {} },
  { route: "DELETE /opinion/collaborators/:id", allowed: ["editor", "approver"] },
  { route: "POST /staff/me/zalo-link", allowed: staff, body: {} },
  { route: "GET /staff/alerts", allowed: staff },
  { route: "GET /posts", allowed: staff },
  { route: "POST /posts", allowed: ["editor"], body: {} },
  { route: "GET /posts/:id", allowed: staff },
  { route: "GET /posts/:id/review", allowed: staff },
  { route: "PATCH /posts/:id", allowed: ["editor"], body: { title: "x" } },
  { route: "POST /posts/:id/submit", allowed: ["editor"] },
  { route: "POST /posts/:id/approve", allowed: ["approver"] },
  { route: "POST /posts/:id/reject", allowed: ["approver"], body: {} },
  { route: "POST /audiences/count", allowed: staff, body: {} },
  { route: "POST /audiences/plan", allowed: staff, body: {} },
  { route: "GET /broadcasts", allowed: staff },
  { route: "POST /broadcasts", allowed: ["editor"], body: {} },
  { route: "GET /broadcasts/:id", allowed: staff },
  { route: "GET /broadcasts/:id/progress", allowed: staff },
  { route: "GET /broadcasts/:id/events", allowed: staff },
  { route: "GET /broadcasts/:id/relay", allowed: staff },
  { route: "GET /broadcasts/:id/relay.csv", allowed: staff },
  { route: "POST /broadcasts/:id/pause", allowed: ["editor", "approver"] },
  { route: "POST /broadcasts/:id/resume", allowed: ["editor", "approver"] },
  { route: "POST /broadcasts/:id/cancel", allowed: ["editor", "approver"] },
  { route: "GET /broadcast-schedules", allowed: staff },
  { route: "POST /broadcast-schedules", allowed: ["editor"], body: {} },
  { route: "DELETE /broadcast-schedules/:id", allowed: ["editor"] },
  { route: "GET /signals", allowed: staff },
  { route: "POST /signals/:id/handled", allowed: staff },
  { route: "POST /signals/:id/reply", allowed: staff, body: {} },
  { route: "PUT /signals/:id/labels", allowed: staff, body: {} },
  { route: "POST /signals/:id/clarification", allowed: staff },
  { route: "GET /opinion/dashboard", allowed: staff },
  { route: "GET /opinion/export.csv", allowed: staff },
  { route: "GET /rumours", allowed: staff },
  { route: "POST /rumours", allowed: ["editor"], body: {} },
  { route: "GET /opinion/themes", allowed: staff },
  { route: "POST /opinion/themes", allowed: ["editor", "admin"], body: {} },
  { route: "PUT /opinion/themes/:id", allowed: ["editor", "admin"], body: {} },
  { route: "PUT /rumours/settings", allowed: ["approver", "admin"], body: {} },
  { route: "GET /admin/queues", allowed: ["admin"] },
  { route: "GET /admin/api", allowed: ["admin"] },
  { route: "GET /admin/webhook-events", allowed: ["admin"] },
  { route: "POST /admin/webhook-events/:id/retry", allowed: ["admin"] },
  { route: "GET /openapi.json", allowed: staff },
  { route: "GET /admin/zalo/connection", allowed: ["admin"] },
  { route: "GET /admin/zalo/webhook", allowed: ["admin"] },
  { route: "POST /admin/zalo/connect", allowed: ["admin"] },
  { route: "GET /admin/zalo/channels", allowed: ["admin"] },
  { route: "POST /admin/zalo/channels/:channel/resume", allowed: ["admin"] },
  { route: "GET /zalo/oauth/callback", allowed: ["admin"] },
];

/** Routes as the app declares them: its registry, which the API document is generated from too. */
function declaredRoutes(stack: Stack): Map<string, string> {
  const registry = stack.runtime.app!.locals.routes as RouteRegistry;
  return new Map(registry.routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.mount]));
}

describe("the role matrix covers every route", () => {
  let stack: Stack;
  let ward: SeededWard;
  const clients = {} as Record<Exclude<Who, "anonymous">, ApiClient>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 1, perGroup: 2 });
    for (const role of ["editor", "approver", "admin"] as const) {
      const account = await buildStaff(stack.runtime.store.db, "hong-bang", [role]);
      staffLogins[role] = account;
      clients[role] = await new ApiClient(stack.url).loginStaff(account.username, account.password);
    }
    clients.resident = (await residentClient(stack, { groupId: ward.groupIds[0]! })).client;
    clients.head = (await residentClient(stack, { groupId: ward.groupIds[0]!, head: true })).client;
    clients.collaborator = (
      await residentClient(stack, { groupId: ward.groupIds[0]!, collaborator: true })
    ).client;
    const postId = await approvedPost(ward, { title: "Bài cho ma trận quyền", isUrgent: true });
    ids = { ":id": postId };
  });
  afterAll(async () => stack?.stop());

  it("has a row for every declared route", () => {
    expect(new Set(matrix.map((m) => m.route))).toEqual(new Set(declaredRoutes(stack).keys()));
  });

  const staffLogins = {} as Record<string, { username: string; password: string }>;
  async function freshClient(who: Exclude<Who, "anonymous">): Promise<ApiClient> {
    if (who === "resident" || who === "head" || who === "collaborator")
      return (
        await residentClient(stack, {
          groupId: ward.groupIds[0]!,
          head: who === "head",
          collaborator: who === "collaborator",
        })
      ).client;
    const { username, password } = staffLogins[who]!;
    return new ApiClient(stack.url).loginStaff(username, password);
  }

  it("lets through exactly the allowed subjects", async () => {
    const failures: string[] = [];
    for (const row of matrix) {
      const [method, template] = row.route.split(" ") as [string, string];
      const idFor = template.startsWith("/signals/")
        ? "999999"
        : template.startsWith("/posts/") || template.startsWith("/feed/")
          ? ids[":id"]!
          : ID;
      const p = template.replace(":id", idFor);
      const url = `${declaredRoutes(stack).get(row.route) ?? ""}${p}`;
      for (const who of everyone) {
        // Destructive routes (logout, privacy delete) get a session of their own.
        const client =
          who === "anonymous" ? new ApiClient(stack.url) : row.fresh ? await freshClient(who) : clients[who];
        const res = await fetch(`${stack.url}${url}`, {
          method,
          redirect: "manual",
          headers: {
            ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
            ...(row.body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(row.body === undefined ? {} : { body: JSON.stringify(row.body) }),
        });
        if (url.endsWith("/events")) await res.body?.cancel();
        const blocked = res.status === 401 || res.status === 403;
        const shouldPass = row.allowed.includes(who);
        // The webhook answers 401 to anything unsigned, whoever calls: its gate is the signature, not a role.
        if (row.route === "POST /webhooks/zalo") continue;
        if (shouldPass === blocked) failures.push(`${row.route} as ${who}: ${res.status}`);
        if (
          !shouldPass &&
          who === "anonymous" &&
          res.status !== 401 &&
          !["GET /health", "GET /ready"].includes(row.route)
        )
          failures.push(`${row.route} anonymous should be 401, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
