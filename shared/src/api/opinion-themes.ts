import { z } from "zod";
import { tooLongMessage } from "../text-limits.js";
import { writtenText } from "./common.js";

/** A theme's name ("Môi trường, vệ sinh"), one keyword or phrase, and how many keywords a theme keeps. */
export const THEME_NAME_LIMIT = 80;
export const THEME_KEYWORD_LIMIT = 60;
export const THEME_KEYWORDS_MAX = 100;

/**
 * The words that find a theme in residents' messages: each trimmed, holding a letter or a digit, the
 * same word given twice (in any case) kept once. Matched with or without diacritics, at word boundaries.
 */
const keywordsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "Từ khóa không được để trống.")
      .max(THEME_KEYWORD_LIMIT, tooLongMessage("Mỗi từ khóa", THEME_KEYWORD_LIMIT))
      .refine((k) => /[\p{L}\p{N}]/u.test(k), "Từ khóa phải có chữ hoặc số."),
  )
  .min(1, "Hãy nhập ít nhất một từ khóa.")
  .max(THEME_KEYWORDS_MAX, `Mỗi chủ đề có tối đa ${THEME_KEYWORDS_MAX} từ khóa.`)
  .transform((keywords) => {
    const seen = new Set<string>();
    return keywords.filter((k) => {
      const key = k.normalize("NFC").toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** Chủ đề dư luận: a theme of the ward's, its keywords, and how many messages carry it. */
export const opinionThemeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    keywords: z.array(z.string()),
    status: z.enum(["active", "retired"]),
    createdAt: z.string(),
    /** Messages labelled with it (by the keywords or by staff). */
    signals: z.number(),
  })
  .meta({ id: "OpinionTheme" });
export type OpinionTheme = z.infer<typeof opinionThemeSchema>;
export const opinionThemeListSchema = z.object({ items: z.array(opinionThemeSchema) });

export const opinionThemeCreateSchema = z.strictObject({
  name: writtenText("Tên chủ đề", THEME_NAME_LIMIT, "Hãy đặt tên cho chủ đề."),
  keywords: keywordsSchema,
});
export type OpinionThemeCreate = z.infer<typeof opinionThemeCreateSchema>;

/** New keywords (they replace the old), or retiring a theme (no new message gets it) and bringing it back. */
export const opinionThemeUpdateSchema = z
  .strictObject({
    keywords: keywordsSchema.optional(),
    status: z.enum(["active", "retired"]).optional(),
  })
  .refine((u) => u.keywords !== undefined || u.status !== undefined, {
    message: "Hãy sửa từ khóa hoặc trạng thái của chủ đề.",
  });
export type OpinionThemeUpdate = z.infer<typeof opinionThemeUpdateSchema>;

export const opinionThemeParamsSchema = z.strictObject({ id: z.uuid("Mã chủ đề không hợp lệ") });
