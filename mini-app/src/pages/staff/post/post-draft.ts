import type { Post } from "@loa-phuong/shared";
import { type Draft, emptyPoll, type FieldErrors } from "./post-fields";

/** An absolute http(s) address with a host, as the server's schema wants. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export function draftOf(post: Post | null): Draft {
  return {
    kind: post?.kind ?? "announcement",
    title: post?.title ?? "",
    summary: post?.summary ?? "",
    body: post?.body ?? "",
    imageUrl: post?.imageUrl ?? "",
    isUrgent: post?.isUrgent ?? false,
    poll: post?.poll
      ? {
          question: post.poll.question,
          multiple: post.poll.multiple,
          options: post.poll.options.map((o) => ({ ...o })),
        }
      : emptyPoll(),
  };
}

/** The same checks as the server, so most mistakes show before a round trip. */
export function checkDraft(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.title.trim() === "") errors.title = "Cần có tiêu đề.";
  else if (draft.title.trim().length > 200) errors.title = "Tiêu đề tối đa 200 ký tự.";
  if (draft.summary.trim().length > 500) errors.summary = "Tóm tắt tối đa 500 ký tự.";
  if (draft.body.trim() === "") errors.body = "Cần có nội dung.";
  else if (draft.body.trim().length > 20_000) errors.body = "Nội dung tối đa 20.000 ký tự.";
  if (draft.imageUrl.trim() !== "" && !isWebAddress(draft.imageUrl.trim()))
    errors.imageUrl = "Địa chỉ ảnh không hợp lệ: cần một địa chỉ http:// hoặc https:// đầy đủ.";
  if (draft.kind === "poll") {
    const labels = draft.poll.options.map((o) => o.label.trim());
    if (draft.poll.question.trim() === "") errors.poll = "Cần có câu hỏi khảo sát.";
    else if (labels.some((l) => l === "")) errors.poll = "Điền đủ các phương án, hoặc bỏ phương án trống.";
    else if (labels.length < 2) errors.poll = "Khảo sát cần ít nhất 2 phương án.";
    else if (new Set(labels).size !== labels.length) errors.poll = "Hai phương án không được trùng nhau.";
  }
  return errors;
}

export function contentOf(draft: Draft) {
  const summary = draft.summary.trim();
  const imageUrl = draft.imageUrl.trim();
  const poll =
    draft.kind === "poll"
      ? {
          poll: {
            question: draft.poll.question.trim(),
            multiple: draft.poll.multiple,
            options: draft.poll.options.map((o) => ({ id: o.id, label: o.label.trim() })),
          },
        }
      : {};
  return {
    title: draft.title.trim(),
    summary,
    body: draft.body.trim(),
    ...(imageUrl ? { imageUrl } : {}),
    ...poll,
  };
}
