import type { RequestHandler } from "express";
import { z } from "zod";
import { SIM_CHANNELS } from "../state/channel-errors.js";

/** A simulated user, as accepted by upsertUsers() and POST /__sim/users. */
export const simUserSchema = z.object({
  idByApp: z.string().min(1),
  idByOa: z.string().min(1),
  name: z.string().min(1),
  avatar: z.url().optional(),
  phone: z
    .string()
    .regex(/^84\d{8,10}$/, "expected 84 followed by 8-10 digits")
    .optional(),
  isFollower: z.boolean(),
  lastInteractionAt: z.number().int().nonnegative(),
  tags: z.array(z.string().min(1)).optional(),
  notificationsAllowed: z.boolean().optional(),
  zbsBlocked: z.boolean().optional(),
});

/** Either a bare array or `{ users: [...] }`; errors name fields as users.<i>.<field>. */
export const upsertUsersBodySchema = z.preprocess(
  (body) => (Array.isArray(body) ? { users: body } : body),
  z.object({ users: z.array(simUserSchema) }),
);

export const sendTextBodySchema = z.object({ text: z.string().min(1).max(2000) });

export const faultsBodySchema = z.object({
  error5xxRate: z.number().min(0).max(1).optional(),
  timeoutRate: z.number().min(0).max(1).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
  lostResponseRate: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().int().nonnegative().optional(),
});

export const rateBodySchema = z.object({ ratePerSecond: z.number().int().nonnegative() });

/** `url: null` or "" switches webhooks off. */
export const webhookBodySchema = z.object({
  url: z.union([z.url({ protocol: /^https?$/ }), z.literal(""), z.null()]),
});

export const allowNotificationsBodySchema = z.object({ allowed: z.boolean() });

export const channelSchema = z.enum(SIM_CHANNELS);

export const channelErrorBodySchema = z.object({
  channel: channelSchema,
  code: z
    .number()
    .int()
    .refine((n) => n !== 0, "0 is success, not an error"),
  message: z.string().min(1).optional(),
  count: z.number().int().positive().optional(),
});

export const authCodeBodySchema = z.object({ code_challenge: z.string().min(1).optional() });

export function describeIssues(error: z.ZodError): { field: string; reason: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", reason: issue.message }));
}

/**
 * Admin edge validation: 400 with every field and its reason. The parsed value replaces
 * `req.body`, so handlers read typed data.
 */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, res, next) => {
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        error: "invalid_request",
        message: "Invalid request body",
        issues: describeIssues(parsed.error),
      });
      return;
    }
    req.body = parsed.data;
    next();
  };
}
