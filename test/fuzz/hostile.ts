import fc from "fast-check";
import { badTexts, extraKeys, malformed, notJson, protoValues, wrongValues } from "./hostile-body-values.js";
import {
  badAuths,
  badCookies,
  junkIds,
  junkQueries,
  methods,
  oddHeaders,
  origins,
  percentSeqs,
} from "./hostile-request-values.js";

/**
 * What a hostile request does to an otherwise valid one. Each kind is one way a client (a script, a
 * broken proxy, an attacker) can get a request wrong; `at` and `pick` choose where, at send time.
 */
export type Hostile =
  | { kind: "wrongType"; at: number; value: unknown }
  | { kind: "dropField"; at: number }
  | { kind: "extraField"; at: number; key: string; value: unknown }
  | { kind: "hugeString"; at: number; text: "ascii" | "vietnamese" | "emoji" }
  | { kind: "badText"; at: number; text: string; inKey: boolean }
  | { kind: "badTextEverywhere"; text: string }
  | { kind: "protoKey"; at: number; key: "__proto__" | "constructor" | "prototype"; value: unknown }
  | { kind: "topLevel"; value: unknown }
  | { kind: "deepJson"; depth: number; shape: "array" | "object" | "mixed" }
  | { kind: "malformedJson"; text: string }
  | { kind: "notJson"; contentType: string | null; text: string }
  | { kind: "contentEncoding"; encoding: string; payload: "garbage" | "compressed" | "empty" }
  | { kind: "oversized"; size: number }
  | { kind: "badPercent"; seq: string; where: "param" | "suffix" | "query" }
  | { kind: "longPath"; size: number }
  | { kind: "junkId"; value: string; encode: boolean }
  | { kind: "pathShape"; variant: PathShape }
  | { kind: "wrongMethod"; method: string }
  | { kind: "junkQuery"; query: string }
  | { kind: "badCookie"; cookie: string; withValid: "none" | "before" | "after" }
  | { kind: "badAuth"; value: string }
  | { kind: "crossSite"; origin: string | null; site: string | null }
  | { kind: "oddHeaders"; headers: Record<string, string> };

export type PathShape =
  | "trailingSlash"
  | "doubleSlash"
  | "upperCase"
  | "extraSegment"
  | "dotSegment"
  | "noMount";

export const hostileArbitrary: fc.Arbitrary<Hostile> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("wrongType" as const),
      at: fc.nat(),
      value: fc.constantFrom(...wrongValues),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("dropField" as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("extraField" as const),
      at: fc.nat(),
      key: fc.constantFrom(...extraKeys),
      value: fc.constantFrom(...wrongValues),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("hugeString" as const),
      at: fc.nat(),
      text: fc.constantFrom("ascii" as const, "vietnamese" as const, "emoji" as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("badText" as const),
      at: fc.nat(),
      text: fc.constantFrom(...badTexts),
      inKey: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("badTextEverywhere" as const),
      text: fc.constantFrom(...badTexts),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("protoKey" as const),
      at: fc.nat(),
      key: fc.constantFrom("__proto__" as const, "constructor" as const, "prototype" as const),
      value: fc.constantFrom(...protoValues),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("topLevel" as const),
      value: fc.constantFrom<unknown>(null, [], [{}], "chuỗi", 1, true, [[["a"]]]),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("deepJson" as const),
      depth: fc.constantFrom(20_000, 20_000, 33, 32, 500),
      shape: fc.constantFrom("array" as const, "object" as const, "mixed" as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("malformedJson" as const),
      text: fc.constantFrom(...malformed),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...notJson).map((n) => ({ kind: "notJson" as const, ...n })),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("contentEncoding" as const),
      encoding: fc.constantFrom(
        "gzip",
        "gzip",
        "deflate",
        "br",
        "identity",
        "compress",
        "x-khong-co",
        "gzip, gzip",
      ),
      payload: fc.constantFrom(
        "garbage" as const,
        "garbage" as const,
        "compressed" as const,
        "empty" as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("oversized" as const),
      size: fc.constantFrom(300_000, 1_100_000),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("badPercent" as const),
      seq: fc.constantFrom(...percentSeqs),
      where: fc.constantFrom("param" as const, "suffix" as const, "query" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("longPath" as const),
      size: fc.constantFrom(2_000, 9_000, 20_000, 70_000),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("junkId" as const),
      value: fc.constantFrom(...junkIds),
      encode: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("pathShape" as const),
      variant: fc.constantFrom<PathShape>(
        "trailingSlash",
        "doubleSlash",
        "upperCase",
        "extraSegment",
        "dotSegment",
        "noMount",
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("wrongMethod" as const), method: fc.constantFrom(...methods) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("junkQuery" as const), query: fc.constantFrom(...junkQueries) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("badCookie" as const),
      cookie: fc.constantFrom(...badCookies),
      withValid: fc.constantFrom("none" as const, "before" as const, "after" as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("badAuth" as const), value: fc.constantFrom(...badAuths) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("crossSite" as const),
      origin: fc.constantFrom(...origins),
      site: fc.constantFrom<string | null>("cross-site", "same-site", null, "same-origin"),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("oddHeaders" as const),
      headers: fc.constantFrom(...oddHeaders),
    }),
  },
);

/** A JSON text nested `depth` levels deep, built as text: no value of that depth is ever held. */
export function deepJson(depth: number, shape: "array" | "object" | "mixed"): string {
  if (shape === "array") return "[".repeat(depth) + "]".repeat(depth);
  if (shape === "object") return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  const half = Math.floor(depth / 2);
  return '{"text":'.repeat(half) + "[".repeat(depth - half) + "]".repeat(depth - half) + "}".repeat(half);
}
