import type { RequestHandler } from "express";
import { AppError } from "../../errors/app-error.js";

/** Deeper than any request of this API: a body nested deeper is refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

type Flaw = "nul" | "surrogate" | "depth";

/**
 * What in a parsed body or query no text or jsonb column can store: a NUL (U+0000) or half of a
 * UTF-16 pair (a lone surrogate), in a value or a key; or nesting past MAX_JSON_DEPTH. Walked with a
 * stack of its own, so a hostile depth cannot overflow the call stack.
 */
export function unstorable(root: unknown): Flaw | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      const flaw = textFlaw(value);
      if (flaw) return flaw;
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) return "depth";
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const flaw = textFlaw(key);
      if (flaw) return flaw;
      stack.push({ value: item, depth: depth + 1 });
    }
  }
  return undefined;
}

const textFlaw = (text: string): Flaw | undefined =>
  text.includes("\u0000") ? "nul" : text.isWellFormed() ? undefined : "surrogate";

const messages: Record<Flaw, string> = {
  nul: "Dữ liệu chứa ký tự không hợp lệ (NUL).",
  surrogate: "Dữ liệu chứa ký tự Unicode không hợp lệ (nửa cặp UTF-16).",
  depth: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} tầng).`,
};

/** Refuses a body or query the store could not keep, with a clear 400 instead of a store error. */
export const rejectUnstorableText: RequestHandler = (req, _res, next) => {
  const flaw = unstorable(req.body) ?? unstorable(req.query);
  if (flaw) throw new AppError("validation_failed", messages[flaw]);
  next();
};
