/** What to tell the user about a failure: the error's own (Vietnamese) message, else the fallback. */
export function messageOf(reason: unknown, fallback = "Đã có lỗi xảy ra, vui lòng thử lại."): string {
  return reason instanceof Error ? reason.message : fallback;
}
