import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import type { Hostile, PathShape } from "./hostile.js";
import type { WireRequest } from "./http-send.js";
import type { FuzzRoute } from "./plans.js";

export interface Draft {
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
export const rawPath = (text: string) => text.replace(/[^\u0021-\u007e]/gu, (c) => encodeURIComponent(c));

/** The path (params filled in, then any shape changes), the query, the body bytes and their headers. */
export function serialize(draft: Draft, route: FuzzRoute): WireRequest {
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
