/**
 * Zalo ids exceed 2^53, and some clients send `user_id` as an unquoted JSON number (reference
 * §4.4). JSON.parse has already rounded such a number, so recover the digits from the raw JSON
 * (the POST body or the `data` query parameter).
 */
export function normaliseUserId(value: string | number, rawJson: Buffer | string | undefined): string {
  if (typeof value === "string") return value;
  if (Number.isSafeInteger(value) || rawJson === undefined) return String(value);
  const text = typeof rawJson === "string" ? rawJson : rawJson.toString("utf8");
  const match = /"user_id"\s*:\s*(\d+)/.exec(text);
  return match?.[1] ?? String(value);
}

/** Reads a user id that may be a string or a number; undefined when it is neither. */
export function readUserId(value: unknown, rawJson: Buffer | string | undefined): string | undefined {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0)
    return normaliseUserId(value, rawJson);
  return undefined;
}
