// What the Mini App may import at run time: no zod, so the resident's first screen stays small.
export * from "./error-codes.js";
export * from "./time.js";
export * from "./text.js";
export * from "./broadcast-message.js";
