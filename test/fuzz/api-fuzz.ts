import type { RouteRegistry } from "@loa-phuong/bot-server/http";
import fc from "fast-check";
import { changedTables, fingerprint } from "./fingerprint.js";
import type { Who } from "./fuzz-identities.js";
import { type FuzzWorld, startFuzzWorld } from "./fuzz-world.js";
import { WireClient } from "./http-send.js";
import { type FuzzRoute, fuzzRoutes, LOGIN_ROUTES, mix, type Plan, weightOf } from "./plans.js";
import { buildRequest, excerptOf } from "./requests.js";
import { keepIdentities, readPools } from "./ward-state.js";

export interface FuzzFailure {
  kind: "5xx" | "stateChange" | "noAnswer";
  route: string;
  who: Who;
  mode: "valid" | "hostile";
  hostile: string[];
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  body: string;
  status: number;
  answer: string;
  /** State changes: the tables whose row count or newest row version moved. */
  changed?: string[];
  /** 5xx: what the server logged for it. */
  serverError?: string;
  /** The request sent just before (a change may belong to it if it had not finished when it answered). */
  previous?: string;
}

export interface FuzzResult {
  requests: number;
  status5xx: number;
  stateChangesFromRejected: number;
  /** Distinct declared routes the run sent requests to. */
  routes: number;
  declaredRoutes: number;
  missedRoutes: string[];
  /** Requests that got no HTTP answer at all (connection closed, timeout). */
  noAnswer: number;
  statuses: Record<string, number>;
  /** Answers by route and status: how deep each route was reached. */
  byRoute: Record<string, Record<string, number>>;
  /** The first 20 failures, each with what it takes to send it again. */
  failures: FuzzFailure[];
  /** Failures grouped by kind, route, status and server error: one line per distinct problem. */
  findings: Array<{ count: number; example: FuzzFailure }>;
  seconds: number;
}

export interface FuzzOptions {
  requests: number;
  seed: number;
  log?: (line: string) => void;
}

// ——— the run ———

/**
 * Fuzzes the API: `requests` requests over every declared route (each at least once, valid and as a
 * caller it lets in, when there are enough), then routes at random; each as one of six callers (anyone,
 * a resident, a head, an editor, an approver, an admin; staff by bearer token or by cookie), with a
 * valid input drawn from the route's schemas or a hostile one. Counts answers 5xx and rejected
 * requests (4xx, 5xx) after which the store is not what it was.
 */
export async function runApiFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  log(`starting the stack (API only) and seeding the ward…`);
  const world = await startFuzzWorld();
  try {
    log(
      `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; fuzzing with seed ${options.seed}`,
    );
    return await fuzz(world, options, log, started);
  } finally {
    await world.stop();
  }
}

/** The order routes are fuzzed in: each once (shuffled), then at random by weight; all drawn from the seed. */
function routeOrder(routes: FuzzRoute[], seed: number) {
  const count = routes.length;
  const first = fc.sample(
    fc.shuffledSubarray(
      Array.from({ length: count }, (_, i) => i),
      { minLength: count, maxLength: count },
    ),
    { seed: mix(seed, 1), numRuns: 1 },
  )[0]!;
  const weighted = routes.flatMap((route, i) => Array.from({ length: weightOf(route) }, () => i));
  let draws: number[] = [];
  return (i: number): number => {
    if (i < first.length) return first[i]!;
    if (draws.length === 0)
      draws = fc.sample(fc.noBias(fc.nat({ max: weighted.length - 1 })), {
        seed: mix(seed, 2, i),
        numRuns: 200,
      });
    return weighted[draws.shift()!]!;
  };
}

/** The next plan for a route, from chunks of 25 drawn with a seed of their own. */
function nextPlan(route: FuzzRoute, index: number, seed: number): Plan {
  if (route.buffer.length === 0)
    route.buffer = fc.sample(route.arbitrary, { seed: mix(seed, 3, index, route.drawn), numRuns: 25 });
  route.drawn += 1;
  return route.buffer.shift()!;
}

async function fuzz(
  world: FuzzWorld,
  options: FuzzOptions,
  log: (line: string) => void,
  started: number,
): Promise<FuzzResult> {
  const { stack } = world;
  const db = stack.runtime.store.db;
  const routes = fuzzRoutes(stack.runtime.app!.locals.routes as RouteRegistry);
  const nextRoute = routeOrder(routes, options.seed);
  const client = new WireClient(new URL(stack.url));
  const exercised = new Set<string>();
  const statuses: Record<string, number> = {};
  const byRoute: Record<string, Record<string, number>> = {};
  const failures: FuzzFailure[] = [];
  const findings = new Map<string, { count: number; example: FuzzFailure }>();
  const count = (table: Record<string, number>, key: string) => {
    table[key] = (table[key] ?? 0) + 1;
  };
  const record = (failure: FuzzFailure) => {
    if (failures.length < 20) failures.push(failure);
    const reason =
      failure.serverError?.split("\n")[0] ?? failure.changed?.map((c) => c.split(":")[0]).join(",") ?? "";
    const key = `${failure.kind} ${failure.route} ${failure.status} ${reason}`;
    const seen = findings.get(key);
    if (seen) seen.count += 1;
    else findings.set(key, { count: 1, example: failure });
  };
  let status5xx = 0;
  let stateChanges = 0;
  let noAnswer = 0;
  let pools = await readPools(world);
  let before = await fingerprint(db);
  let previous = "";
  const every = Math.max(50, Math.floor(options.requests / 20));

  for (let i = 0; i < options.requests; i++) {
    const routeAt = nextRoute(i);
    const route = routes[routeAt]!;
    const plan = nextPlan(route, routeAt, options.seed);
    // The first pass sends each route a valid request from a caller it lets in.
    const firstPass = i < routes.length;
    const who =
      firstPass || plan.useAllowed ? route.allowed[plan.allowedPick % route.allowed.length]! : plan.who;
    const mode = firstPass ? "valid" : plan.mode;
    const warningsBefore = stack.warnings.length;
    const wire = buildRequest(world, pools, route, plan, who, mode);
    exercised.add(route.key);
    const answer = await client.send(wire);
    count(statuses, answer.status <= 0 ? "none" : `${Math.floor(answer.status / 100)}xx`);
    count(statuses, String(answer.status));
    byRoute[route.key] ??= {};
    count(byRoute[route.key]!, String(answer.status));

    const after = await fingerprint(db);
    const failure = (kind: FuzzFailure["kind"], extra: Partial<FuzzFailure> = {}): FuzzFailure => ({
      kind,
      route: route.key,
      who,
      mode,
      hostile: mode === "hostile" ? plan.hostile.map((h) => h.kind) : [],
      method: wire.method,
      url: wire.path.length > 300 ? `${wire.path.slice(0, 300)}… (${wire.path.length} chars)` : wire.path,
      headers: redact(world, wire.headers),
      body: excerptOf(wire.body),
      status: answer.status,
      answer: answer.error ? `(${answer.error}) ${answer.text.slice(0, 300)}` : answer.text.slice(0, 300),
      previous,
      ...extra,
    });
    if (answer.status >= 500) {
      status5xx += 1;
      record(failure("5xx", { serverError: serverErrorOf(world, warningsBefore, answer.text) }));
    } else if (answer.status <= 0) {
      noAnswer += 1;
      record(failure("noAnswer"));
    }
    // A refused request (or one left without an answer) must leave the store as it was. Answers 2xx and
    // 3xx are not checked, so the session a successful login opens never counts.
    if (answer.status >= 400 || answer.status <= 0) {
      const changed = changedTables(before, after);
      if (changed.length > 0) {
        stateChanges += 1;
        const serverError = serverErrorOf(world, warningsBefore, answer.text);
        record(failure("stateChange", { changed, ...(serverError ? { serverError } : {}) }));
      }
    }
    before = after;
    previous = `${who} ${wire.method} ${wire.path.slice(0, 120)} → ${answer.status}`;
    if (process.env.FUZZ_TRACE) {
      const what =
        mode === "hostile" ? plan.hostile.map((h) => JSON.stringify(h).slice(0, 120)).join(" ") : "valid";
      const headers = JSON.stringify(redact(world, wire.headers)).slice(0, 300);
      const body = excerptOf(wire.body).slice(0, 100);
      log(`#${i} ${previous} [${what}] ${headers} ${body} ⇒ ${answer.text.slice(0, 160)}`);
    }

    // Keep the callers usable: a request may have ended a session, deleted a resident or moved a head,
    // and a resident may have used up a per-resident limit.
    const succeeded = answer.status >= 200 && answer.status < 400;
    const limited =
      answer.status === 429 && (who === "resident" || who === "head") && !LOGIN_ROUTES.has(route.key);
    if ((succeeded && wire.method !== "GET") || limited) {
      if (await keepIdentities(world, limited ? who : undefined)) before = await fingerprint(db);
    }
    if ((i + 1) % 100 === 0) pools = await readPools(world);
    if ((i + 1) % every === 0 || i + 1 === options.requests) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(
        `${i + 1}/${options.requests} requests, ${exercised.size}/${routes.length} routes, ` +
          `2xx ${statuses["2xx"] ?? 0} 3xx ${statuses["3xx"] ?? 0} 4xx ${statuses["4xx"] ?? 0} ` +
          `5xx ${status5xx}, state changes ${stateChanges}, no answer ${noAnswer} (${seconds} s)`,
      );
    }
  }
  client.close();
  return {
    requests: options.requests,
    status5xx,
    stateChangesFromRejected: stateChanges,
    routes: exercised.size,
    declaredRoutes: routes.length,
    missedRoutes: routes.filter((r) => !exercised.has(r.key)).map((r) => r.key),
    noAnswer,
    statuses,
    byRoute,
    failures,
    findings: [...findings.values()],
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

// ——— reporting ———

/** Session tokens replaced by who they belong to, so a finding reads as a recipe. */
function redact(
  world: FuzzWorld,
  headers: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const names = new Map<string, string>();
  for (const identity of Object.values(world.identities)) {
    names.set(identity.token, `<${identity.who} session token>`);
    if (identity.cookieToken) names.set(identity.cookieToken, `<${identity.who} cookie session>`);
  }
  const clean = (value: string) => {
    let out = value;
    for (const [token, name] of names) out = out.split(token).join(name);
    return out.length > 300 ? `${out.slice(0, 300)}… (${out.length} chars)` : out;
  };
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.map(clean) : clean(v)]),
  );
}

/** What the server logged for a 5xx: the entry with the answer's errorId, or the first error logged since. */
function serverErrorOf(world: FuzzWorld, since: number, answer: string): string | undefined {
  let errorId: string | undefined;
  try {
    errorId = (JSON.parse(answer) as { errorId?: string }).errorId;
  } catch {}
  const logged = world.stack.warnings.slice(since) as unknown as Array<Record<string, unknown>>;
  const entry =
    logged.find((e) => errorId && e.errorId === errorId) ?? logged.find((e) => Number(e.level) >= 50);
  if (!entry) return undefined;
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  const stack = err?.stack?.split("\n").slice(0, 6).join("\n");
  return `${entry.msg}: ${err?.type ?? ""} ${err?.message ?? ""}${stack ? `\n${stack}` : ""}`.trim();
}
