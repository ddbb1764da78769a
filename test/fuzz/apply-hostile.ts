import type { Identity } from "./fuzz-identities.js";
import { deepJson, type Hostile } from "./hostile.js";
import { HUGE } from "./hostile-body-values.js";
import { define, deleteAt, mapStrings, objectsOf, pathsOf, renameAt, setAt } from "./json-paths.js";
import { type Draft, rawPath } from "./request-draft.js";
import { at } from "./ward-state.js";

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function jsonOf(draft: Draft): unknown {
  return draft.body.kind === "json" ? draft.body.value : {};
}

export function applyHostile(draft: Draft, h: Hostile, identity: Identity | undefined): void {
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
