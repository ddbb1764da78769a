import { z } from "zod";

/** A directive a campaign implements, e.g. Thông báo 144-TB/TU, 29/11/2025, Ban Thường vụ Thành ủy. */
export const directiveSchema = z.strictObject({
  number: z.string().min(1).max(60),
  date: z.iso.date(),
  issuer: z.string().min(1).max(200),
  title: z.string().max(500).optional(),
});
export type Directive = z.infer<typeof directiveSchema>;
