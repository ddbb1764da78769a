import { imageUrlSchema, postFieldsSchema } from "@loa-phuong/shared";
import { z } from "zod";

/** Content edits (imageUrl null removes the image; urgency needs approval again too); at least one field. */
export const updatePostRequestSchema = postFieldsSchema
  .pick({ title: true, summary: true, body: true, poll: true })
  // Re-declared without the create default, so a PATCH that omits them leaves them alone.
  .extend({ imageUrl: imageUrlSchema.nullable(), isUrgent: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Cần ít nhất một trường để sửa" });
export type UpdatePostRequest = z.infer<typeof updatePostRequestSchema>;
