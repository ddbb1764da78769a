import { z } from "zod";
import { createPostRequestSchema } from "@loa-phuong/shared";

/** Content edits; at least one field. */
export const updatePostRequestSchema = createPostRequestSchema
  .pick({ title: true, summary: true, body: true, imageUrl: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Cần ít nhất một trường để sửa" });
export type UpdatePostRequest = z.infer<typeof updatePostRequestSchema>;
