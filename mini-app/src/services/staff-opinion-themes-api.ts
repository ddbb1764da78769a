import type { OpinionTheme, OpinionThemeCreate, OpinionThemeUpdate } from "@loa-phuong/shared";
import { request } from "./api";

export type { OpinionTheme, OpinionThemeCreate, OpinionThemeUpdate };

/** The ward's opinion themes (chủ đề dư luận) and their keywords: the staff API's part. */
type Token = string | null;

export function fetchOpinionThemes(token: Token, signal?: AbortSignal): Promise<{ items: OpinionTheme[] }> {
  return request("/api/opinion/themes", { token, signal });
}

export function createOpinionTheme(token: Token, theme: OpinionThemeCreate): Promise<OpinionTheme> {
  return request("/api/opinion/themes", { token, method: "POST", body: theme });
}

export function updateOpinionTheme(
  token: Token,
  id: string,
  update: OpinionThemeUpdate,
): Promise<OpinionTheme> {
  return request(`/api/opinion/themes/${id}`, { token, method: "PUT", body: update });
}
