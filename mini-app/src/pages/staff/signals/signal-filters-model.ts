import type { SignalQuery } from "../../../services/staff-api";
import { isSignalKind } from "../../../utils/staff-labels";

/** The inbox filters, kept in the URL so that coming back from a post keeps them. */
export interface SignalFilters {
  kind: string;
  group: string;
  post: string;
  /** "open" (the default: what still needs someone), "handled" or "all". */
  status: "open" | "handled" | "all";
  /** yyyy-mm-dd (the API's form); typed and shown as dd/mm/yyyy. */
  from: string;
  to: string;
}

export const emptyFilters: SignalFilters = {
  kind: "",
  group: "",
  post: "",
  status: "open",
  from: "",
  to: "",
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(params: URLSearchParams): SignalFilters {
  const status = params.get("status");
  const date = (name: string) => {
    const value = params.get(name) ?? "";
    return isoDate.test(value) ? value : "";
  };
  return {
    kind: isSignalKind(params.get("kind")) ? (params.get("kind") as string) : "",
    group: params.get("group") ?? "",
    post: params.get("post") ?? "",
    status: status === "handled" || status === "all" ? status : "open",
    from: date("from"),
    to: date("to"),
  };
}

export function writeFilters(filters: SignalFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters))
    if (value && !(key === "status" && value === "open")) params[key] = value;
  return params;
}

/** Why the date range cannot be used, or null. */
export function dateRangeError(filters: SignalFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to)
    return "“Từ ngày” phải trước hoặc bằng “Đến ngày”.";
  return null;
}

export function toQuery(filters: SignalFilters): SignalQuery {
  return {
    kind: isSignalKind(filters.kind) ? filters.kind : null,
    residentialGroupId: filters.group || null,
    postId: filters.post || null,
    status: filters.status === "all" ? null : filters.status,
    from: filters.from || null,
    to: filters.to || null,
  };
}

export function hasFilters(filters: SignalFilters): boolean {
  return Object.keys(writeFilters(filters)).length > 0;
}
