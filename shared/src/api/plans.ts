import { z } from "zod";
import { directiveSchema } from "../domain/campaign.js";
import { unitKindSchema } from "../domain/enums.js";
import { writtenText } from "./common.js";

/** A plan file staff upload to import (.docx, .htm/.html, .pdf, .md, .txt), at most this many bytes. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

export const planExtractQuerySchema = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(docx|html?|pdf|md|txt)$/i, "Chỉ nhận tệp .docx, .htm, .html, .pdf, .md hoặc .txt"),
});

const span = z.object({ start: z.number(), end: z.number() });

/**
 * What the extractor read in a plan (the fields of the plan import schema), each value's place in the
 * plan's text under `spans`, and that text, for staff to check side by side and correct.
 */
export const planExtractionSchema = z.object({
  plan: z.object({
    type: z.string().nullable(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    issuer: z.string().nullable(),
    title: z.string().nullable(),
  }),
  directives: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      date: z.string().nullable(),
      issuer: z.string().nullable(),
      role: z.string(),
    }),
  ),
  themes: z.array(z.string()),
  channels: z.array(z.string()),
  units: z.array(z.object({ name: z.string(), tasks: z.array(z.string()), deadlines: z.array(z.string()) })),
  phases: z.array(z.object({ name: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  reporting: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      due: z.string().nullable(),
      cadence: z.string().nullable(),
    }),
  ),
  spans: z.record(z.string(), z.union([span, z.array(span)])),
  text: z.string(),
});
export type PlanExtraction = z.infer<typeof planExtractionSchema>;

/** The plan as staff confirmed it: a campaign with its directives, themes, period, units and tasks. */
export const campaignRequestSchema = z
  .strictObject({
    title: writtenText("Tên kế hoạch", 500, "Cần tên kế hoạch"),
    summary: z.string().trim().max(3000).optional(),
    directives: z.array(directiveSchema).max(50).default([]),
    themes: z
      .array(writtenText("Chủ đề", 200, "Chủ đề không được để trống"))
      .max(30)
      .default([]),
    startsOn: z.iso.date("Ngày bắt đầu phải có dạng yyyy-mm-dd"),
    endsOn: z.iso.date("Ngày kết thúc phải có dạng yyyy-mm-dd"),
    units: z
      .array(
        z.strictObject({
          name: writtenText("Tên đơn vị", 200, "Cần tên đơn vị"),
          kind: unitKindSchema,
          tasks: z
            .array(
              z.strictObject({
                title: writtenText("Nhiệm vụ", 500, "Cần ghi nhiệm vụ"),
                due: z.iso.date("Hạn phải có dạng yyyy-mm-dd").optional(),
              }),
            )
            .max(50)
            .default([]),
        }),
      )
      .max(100)
      .default([]),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    path: ["endsOn"],
    message: "Ngày kết thúc phải sau ngày bắt đầu",
  });
export const campaignCreatedSchema = z.object({ id: z.string() });
