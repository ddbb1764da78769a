import type { OpinionDashboard, SentimentCounts, SentimentSeries } from "@loa-phuong/shared";
import { request } from "./api";

export type { OpinionDashboard, SentimentCounts, SentimentSeries };

/** The "Dư luận" dashboard's part of the staff API. */
type Token = string | null;

/** The periods staff pick from, in days (the API takes 1 to 90). */
export const opinionPeriods = [7, 14, 30, 90] as const;

export function fetchOpinionDashboard(
  token: Token,
  days: number,
  signal?: AbortSignal,
): Promise<OpinionDashboard> {
  return request(`/api/opinion/dashboard?days=${encodeURIComponent(days)}`, { token, signal });
}

/** The period's labelled signals as CSV (UTF-8 with BOM): a link where the cookie travels, else a Blob. */
export function opinionCsvPath(days: number): string {
  return `/api/opinion/export.csv?days=${encodeURIComponent(days)}`;
}
