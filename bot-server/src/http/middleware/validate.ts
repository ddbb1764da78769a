import type { FieldIssue } from "@loa-phuong/shared";
import type { RequestHandler } from "express";
import type { z } from "zod";
import { AppError, invalidFields } from "../../errors/app-error.js";

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

/** Parsed request parts, stored on res.locals so handlers read typed values. */
export interface Validated<S extends Schemas> {
  body: S["body"] extends z.ZodType ? z.output<S["body"]> : undefined;
  query: S["query"] extends z.ZodType ? z.output<S["query"]> : undefined;
  params: S["params"] extends z.ZodType ? z.output<S["params"]> : undefined;
}

/** Validates body, query and params with zod; a failure is a 400 naming each field and why. */
export function validate<S extends Schemas>(schemas: S): RequestHandler {
  return (req, res, next) => {
    const fields: FieldIssue[] = [];
    const parsed: Record<string, unknown> = {};
    for (const part of ["params", "query", "body"] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input = part === "body" ? (req.body ?? {}) : req[part];
      const result = schema.safeParse(input);
      if (result.success) parsed[part] = result.data;
      else
        for (const issue of result.error.issues) {
          const field = [part, ...issue.path.map(String)].join(".");
          fields.push({ field, message: issue.message });
        }
    }
    if (fields.length > 0) throw invalidFields(fields);
    res.locals.valid = parsed;
    next();
  };
}

/** The values `validate` parsed for this request. */
export function valid<S extends Schemas>(
  res: { locals: Record<string, unknown> },
  _schemas?: S,
): Validated<S> {
  return res.locals.valid as Validated<S>;
}

/** Whether a parsed value holds a NUL character anywhere (no text column can store one). */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === "object")
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || holdsNul(v));
  return false;
}

/** Refuses a body or query with a NUL character (U+0000): a clear 400 instead of a store error. */
export const rejectNulCharacters: RequestHandler = (req, _res, next) => {
  if (holdsNul(req.body) || holdsNul(req.query))
    throw new AppError("validation_failed", "Dữ liệu chứa ký tự không hợp lệ (NUL).");
  next();
};
