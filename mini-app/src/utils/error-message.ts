import { ApiError } from "../services/api";

/** What to tell the user about a failure: the error's own (Vietnamese) message, else the fallback. */
export function messageOf(reason: unknown, fallback = "Đã có lỗi xảy ra, vui lòng thử lại."): string {
  return reason instanceof Error ? reason.message : fallback;
}

/**
 * The server refused what a resident typed (a 400 naming the fields): the checks' own words ("Câu hỏi
 * hoặc góp ý tối đa 2.000 ký tự…") say more than the list of fields. Any other failure as it is.
 */
export function explainRefusal(reason: unknown): unknown {
  if (!(reason instanceof ApiError) || reason.code !== "validation_failed" || reason.fields.length === 0)
    return reason;
  return new ApiError(
    [...new Set(reason.fields.map((field) => field.message))].join(" "),
    reason.status,
    reason.code,
    reason.fields,
  );
}
