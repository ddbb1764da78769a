import { z } from "zod";
import { errorCodes } from "./error-codes.js";

export * from "./error-codes.js";

export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });

/** The body of every non-2xx API answer. */
export const errorResponseSchema = z.object({
  error: z.enum(errorCodes),
  message: z.string(),
  fields: z.array(fieldIssueSchema).optional(),
  /** Opaque id of an unexpected error, also written to the server log. */
  errorId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
