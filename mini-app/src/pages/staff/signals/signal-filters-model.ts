import { messageKinds } from "@loa-phuong/shared";
import type { SignalQuery } from "../../../services/staff-api";
import { isSignalKind } from "../../../utils/staff-labels";

const isMessageKind = (value: string | null): value is (typeof messageKinds)[number] =>
  (messageKinds as readonly (string | null)[]).includes(value);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inbox filters, kept in the URL so that coming back from a post keeps them. */
export interface SignalFilters {
  kind: string;
  group: string;
  post: string;
  /** What the message does (question, complaint…) and one of the ward's opinion themes, as labelled. */
  messageKind: string;
  theme: string;
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
  messageKind: "",
  theme: "",
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
    messageKind: isMessageKind(params.get("messageKind")) ? (params.get("messageKind") as string) : "",
    theme: uuid.test(params.get("theme") ?? "") ? (params.get("theme") as string) : "",
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
    messageKind: isMessageKind(filters.messageKind) ? filters.messageKind : null,
    themeId: filters.theme || null,
    status: filters.status === "all" ? null : filters.status,
    from: filters.from || null,
    to: filters.to || null,
  };
}

export function hasFilters(filters: SignalFilters): boolean {
  return Object.keys(writeFilters(filters)).length > 0;
}
