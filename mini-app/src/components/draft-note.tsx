import { formatDateTime } from "@loa-phuong/shared/client";

/** Tells the resident that what they are writing is kept on the phone, or was put back from last time. */
export function DraftNote({ draft }: { draft: { restoredAt: string | null; isKept: boolean } }) {
  if (draft.restoredAt) {
    return (
      <p className="draft-note">
        Đã mở lại bản nháp bạn viết lúc {formatDateTime(draft.restoredAt)}. Bản nháp được xóa khi bạn gửi.
      </p>
    );
  }
  if (!draft.isKept) return null;
  return <p className="draft-note">Đã lưu bản nháp trên máy này. Bản nháp được xóa khi bạn gửi.</p>;
}
