import type { PostKind } from "@loa-phuong/shared";

/** How residents call each kind of post. */
export const postKindLabels: Record<PostKind, string> = {
  announcement: "Thông báo",
  news: "Tin tức",
  exemplary_story: "Gương điển hình",
  clarification: "Đính chính",
  poll: "Khảo sát",
  loudspeaker_script: "Kịch bản loa",
};

export const postKinds = Object.keys(postKindLabels) as PostKind[];

export function isPostKind(value: string | null): value is PostKind {
  return value !== null && Object.hasOwn(postKindLabels, value);
}

/** The label for a kind; a kind added on the server before this build knows it still reads sensibly. */
export function kindLabel(kind: string): string {
  return isPostKind(kind) ? postKindLabels[kind] : "Bài viết";
}
