import fc from "fast-check";

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

/** 100 kB of text; NUL and half a UTF-16 pair; the values a field of the wrong type gets. */
export const HUGE: Record<"ascii" | "vietnamese" | "emoji", string> = {
  ascii: "a".repeat(100_000),
  vietnamese: "ả".repeat(100_000),
  emoji: "😀".repeat(25_000),
};
const badTexts = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\udc00\ud800", "\ud83d", "\u0000\ud800"];
const wrongValues: unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  "",
  " ",
  "x",
  "0",
  "-1",
  "true",
  "null",
  "NaN",
  "9".repeat(40),
  true,
  false,
  null,
  [],
  {},
  [null],
  [[[]]],
  { a: 1 },
  { $gt: "" },
  ["a", 1, null, {}],
  "1' OR '1'='1",
  "'; drop table posts; --",
  "<script>alert(1)</script>",
  // A template injection probe, as a plain string.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text itself is the probe
  "${7*7}{{7*7}}",
  "../../etc/passwd",
  "00000000-0000-0000-0000-000000000000",
  "2026-02-30T25:61:61Z",
  "1e309",
];
const extraKeys = [
  "extra",
  "id",
  "status",
  "wardId",
  "authorId",
  "roles",
  "isAdmin",
  "",
  " ",
  "a.b",
  "$where",
  "😀",
  "k".repeat(300),
  "__defineGetter__",
  "toString",
  "hasOwnProperty",
  "valueOf",
];
const protoValues: unknown[] = [
  { isAdmin: true, roles: ["admin"], polluted: "yes" },
  { prototype: { polluted: "yes" } },
  null,
  "polluted",
  [1, 2],
];

const percentSeqs = [
  "%E0%A4%A",
  "%",
  "%%",
  "%zz",
  "%0",
  "%00",
  "%ED%A0%80",
  "%C0%AF",
  "%FF",
  "%F0%9F%98",
  "%c3%28",
];
const junkIds = [
  "-1",
  "0",
  "1",
  "99999999999999999999999999",
  "9007199254740993",
  "1.5",
  "1e3",
  "0x10",
  "NaN",
  "Infinity",
  "-0",
  "+1",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "abc",
  "1' OR '1'='1",
  "1;DROP TABLE posts;--",
  "1 UNION SELECT * FROM staff_accounts",
  "' or 1=1--",
  "%27%20OR%201%3D1",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "00000000-0000-4000-8000-00000000000",
  "00000000-0000-4000-8000-0000000000000",
  "{00000000-0000-4000-8000-000000000000}",
  "00000000000040008000000000000000",
  "ABCDEF01-2345-4678-89AB-CDEF01234567",
  "١٢٣",
  " 1",
  "1 ",
  "\t",
  "😀",
  "a".repeat(300),
  "r-khongtontai",
];
const junkQueries = [
  "limit=-1",
  "limit=0",
  "limit=abc",
  "limit=1e400",
  "limit=1.5",
  "limit=99999999999999999999",
  "limit=1&limit=2",
  "limit[]=1",
  "limit[a]=1",
  "status=khong-co",
  "status[]=draft&status[]=sent",
  "status=draft&status=sent",
  "__proto__=x",
  "__proto__[polluted]=yes",
  "constructor[prototype][polluted]=yes",
  "%00=1",
  "a=%00",
  "status=%00",
  "status=%ED%A0%80",
  "status=%E0%A4%A",
  "before=%",
  "before=2026-13-45T99:99:99Z",
  "before=0",
  "from=2026-02-30&to=1999-01-01",
  "postId=1' OR '1'='1",
  "relay=r-%00%00%00%00%00%00",
  "kind=",
  "=",
  "&&&",
  "a=1&".repeat(1000),
  `status=${"x".repeat(10_000)}`,
  "status=draft#fragment",
  "status=draft;limit=5",
];
const badCookies = [
  "loa_session=%E0%A4%A",
  "loa_session=%",
  "loa_session=",
  "loa_session",
  "loa_session==",
  ";;;;",
  "=; =; =",
  'loa_session="quoted"',
  "loa_session=%00",
  "loa_session=a%3Bb",
  "loa_session=khong-phai-phien",
  `loa_session=${"x".repeat(8000)}`,
  `loa_session=${"x".repeat(20_000)}`,
  "LOA_SESSION=x",
  " loa_session = x ",
  "other=1; loa_session=%E0%A4%A; x=%",
];
const badAuths = [
  "Bearer",
  "Bearer ",
  "Bearer  ",
  "bearer",
  "Basic dXNlcjpwYXNz",
  "Basic",
  "Token abc",
  "Bearer a b",
  "Bearer null",
  "Bearer undefined",
  "Bearer %E0%A4%A",
  "Bearer \t",
  `Bearer ${"A".repeat(8000)}`,
  `Bearer ${"A".repeat(20_000)}`,
  "Bearer \u00ff\u00fe",
  "Digest username=x",
  "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
  ",",
];
const origins: Array<string | null> = [
  "http://evil.example",
  "https://evil.example",
  "null",
  "http://127.0.0.1:1",
  "http://localhost",
  "file://",
  "http://127.0.0.1.evil.example",
  null,
];
const oddHeaders: Record<string, string>[] = [
  { host: "evil.example" },
  { host: "" },
  { host: "127.0.0.1:1" },
  { "x-forwarded-for": "khong-phai-ip" },
  { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 3.3.3.3, ::1, 127.0.0.1" },
  { "x-forwarded-for": "" },
  { "x-forwarded-for": "999.999.999.999" },
  { "x-forwarded-proto": "https" },
  { "x-forwarded-host": "evil.example" },
  { accept: "text/html" },
  { accept: "application/xml;q=abc" },
  { "accept-encoding": "gzip;q=abc, br, *" },
  { "accept-charset": "utf-16" },
  { "accept-language": "vi".repeat(2000) },
  { "x-http-method-override": "DELETE" },
  { "if-none-match": "*" },
  { "if-modified-since": "khong-phai-ngay" },
  { range: "bytes=0-1" },
  { range: "bytes=999999999-" },
  { "content-type": "application/json; charset=utf-16" },
  { "content-type": "application/json; charset=latin1" },
  { "content-type": "application/json; charset=khong-co" },
  { "content-type": "application/json; boundary=x; charset=" },
  { "content-type": "application/merge-patch+json" },
  { "content-type": "application/JSON" },
  { "content-type": "/" },
  { "user-agent": "x".repeat(8000) },
  { "x-zevent-signature": "mac=" },
  { "sec-fetch-site": "none" },
  { connection: "close" },
  Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x-fuzz-${i}`, String(i)])),
];
const notJson: Array<{ contentType: string | null; text: string }> = [
  { contentType: "text/plain", text: '{"a":1}' },
  { contentType: "text/plain", text: "xin chào" },
  { contentType: "application/x-www-form-urlencoded", text: "title=a&body=b&kind=news&__proto__[x]=1" },
  {
    contentType: "multipart/form-data; boundary=x",
    text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  },
  { contentType: "multipart/form-data", text: "--" },
  {
    contentType: "application/xml",
    text: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
  },
  { contentType: "image/png", text: "không phải ảnh" },
  { contentType: "application/octet-stream", text: "\u0000\u0001\u0002" },
  { contentType: null, text: '{"kind":"news"}' },
  { contentType: "", text: "{}" },
  { contentType: "application/json", text: "" },
  { contentType: "application/json", text: " " },
];
const malformed = [
  "{",
  "}",
  "[",
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}}',
  '{"a" 1}',
  "nul",
  "NaN",
  "undefined",
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":"\u0000"}',
  "\ufeff{}",
  '{"a":1}{"b":2}',
  "[1,2",
  '"abc',
  '{"a":Infinity}',
  '{"__proto__":',
  `{"a":"${"\\".repeat(3)}"}`,
];
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "FOO"];

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

/** Where a value sits in a JSON value: keys and indices from the root. */
export type JsonPath = Array<string | number>;

/** Every place in a value (objects' keys and arrays' items, depth first), the root excluded. */
export function pathsOf(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Objects in a value (the root first): where a key may be added. */
export function objectsOf(
  value: unknown,
  out: Array<Record<string, unknown>> = [],
): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) objectsOf(item, out);
  else if (value !== null && typeof value === "object") {
    out.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) objectsOf(item, out);
  }
  return out;
}

/** The value with `f` applied to every string in it (keys stay). */
export function mapStrings(value: unknown, f: (text: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, f));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) define(out, key, mapStrings(item, f));
    return out;
  }
  return value;
}

/** Sets an own property (never the `__proto__` setter). */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parentOf(root: unknown, path: JsonPath): { parent: unknown; key: string | number } | undefined {
  let parent = root;
  for (const step of path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return undefined;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (parent === null || typeof parent !== "object") return undefined;
  return { parent, key: path[path.length - 1]! };
}

/** Replaces the value at `path` (the whole value when there is no path). */
export function setAt(root: unknown, path: JsonPath | undefined, value: unknown): unknown {
  if (!path || path.length === 0) return value;
  const place = parentOf(root, path);
  if (!place) return value;
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else define(place.parent as Record<string, unknown>, String(place.key), value);
  return root;
}

/** Removes the value at `path`. */
export function deleteAt(root: unknown, path: JsonPath | undefined): unknown {
  if (!path || path.length === 0) return undefined;
  const place = parentOf(root, path);
  if (!place) return root;
  if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
  else delete (place.parent as Record<string, unknown>)[String(place.key)];
  return root;
}

/** Renames the key at `path` (objects only); the value moves with it. */
export function renameAt(root: unknown, path: JsonPath | undefined, name: (key: string) => string): unknown {
  if (!path || path.length === 0) return root;
  const place = parentOf(root, path);
  if (!place || Array.isArray(place.parent)) return root;
  const parent = place.parent as Record<string, unknown>;
  const key = String(place.key);
  const value = parent[key];
  delete parent[key];
  define(parent, name(key), value);
  return root;
}
