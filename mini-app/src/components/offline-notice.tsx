import { formatDateTime } from "@loa-phuong/shared/client";
import { Button } from "zmp-ui";

/** Shown above content read from the phone's cache because the ward server could not be reached. */
export function OfflineNotice({ savedAt, onRetry }: { savedAt: string; onRetry(): void }) {
  return (
    <div className="notice notice-offline" role="status">
      <p className="notice-title">Đang ngoại tuyến — hiển thị nội dung đã lưu</p>
      <p className="notice-text">Lưu lúc {formatDateTime(savedAt)}.</p>
      <Button size="small" variant="secondary" onClick={onRetry}>
        Thử lại
      </Button>
    </div>
  );
}
