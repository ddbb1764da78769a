// What the Mini App may import at run time: no zod, so the resident's first screen stays small.

export * from "./broadcast-message.js";
export * from "./error-codes.js";
export * from "./text.js";
export * from "./text-limits.js";
export * from "./time.js";
