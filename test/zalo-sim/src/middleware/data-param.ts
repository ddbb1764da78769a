import type { Request } from "express";

/**
 * OA GET endpoints take their parameters as one JSON-encoded `data` query parameter
 * (reference §4.1). Returns undefined when it is missing or not a JSON object.
 */
export function readDataParam(req: Request): Record<string, unknown> | undefined {
  const raw = req.query.data;
  if (typeof raw !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    // Malformed JSON is the caller's error; the router answers -201 "data is invalid!".
    return undefined;
  }
}

/** Accepts numbers and numeric strings, as Zalo's own SDKs send both. */
export function readInt(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Raw body kept by express.json's `verify` hook (see create-app.ts). */
export function rawBodyOf(res: { locals: Record<string, unknown> }): Buffer | undefined {
  const raw = res.locals.rawBody;
  return Buffer.isBuffer(raw) ? raw : undefined;
}
