import { vi } from "vitest";

/**
 * A fake ward server (and Zalo simulator) behind a stubbed `fetch`: the unit tests run the app's own
 * API client and see what it sends. Only the network is fake.
 */

/** One request the app made, as the fake server received it. */
export interface ApiCall {
  method: string;
  /** "http://ward.test" (the ward server) or "http://sim.test" (the Zalo simulator). */
  origin: string;
  /** Path and query: "/api/feed?limit=20". */
  url: string;
  /** Path only: "/api/feed". */
  path: string;
  headers: Record<string, string>;
  /** JSON bodies parsed; a Blob (an uploaded photo) as it was sent. */
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

/** An answer, or a handler that makes one; a handler that throws is a network failure. */
export type Route = Reply | ((call: ApiCall) => Reply | Promise<Reply>);

export interface FakeApi {
  calls: ApiCall[];
  /** The calls to one route, e.g. "POST /api/reports". */
  callsTo(route: string): ApiCall[];
}

/** Stubs fetch; `routes` maps "METHOD /path" (without the query) to an answer. Anything else is a 404. */
export function fakeApi(routes: Record<string, Route>): FakeApi {
  const calls: ApiCall[] = [];
  vi.stubGlobal("fetch", async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const call: ApiCall = {
      method: init.method ?? "GET",
      origin: url.origin,
      url: url.pathname + url.search,
      path: url.pathname,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === "string" ? JSON.parse(init.body) : (init.body ?? undefined),
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer = (async () => {
      if (route === undefined)
        return { status: 404, body: { error: "not_found", message: "Không tìm thấy." } };
      return typeof route === "function" ? await route(call) : route;
    })();
    // As a browser does: an aborted request rejects, whatever the server would have said.
    const reply = await Promise.race([answer, aborted(init.signal)]);
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return {
    calls,
    callsTo: (route) => calls.filter((call) => `${call.method} ${call.path}` === route),
  };
}

function aborted(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new DOMException("The operation was aborted.", "AbortError"));
    if (signal?.aborted) fail();
    signal?.addEventListener("abort", fail);
  });
}

/** What fetch does when the phone has no network. */
export function offline(): never {
  throw new TypeError("Failed to fetch");
}

/** A promise the test settles itself: an answer that is still on its way. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
