import type { RelayTask } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { confirmRelay, markRelayShared } from "../../services/head-api";
import { isInsideZalo } from "../../services/zalo/environment";
import { openShareSheet } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";

const statusLabels: Record<RelayTask["status"], string> = {
  open: "Chưa chuyển tiếp",
  shared: "Đã mở chia sẻ",
  confirmed: "Đã chuyển tiếp",
};

/** Outside Zalo (the demo) the head's link opens this Mini App on the ward server, with the same path. */
function browserLink(task: RelayTask): string {
  return `${window.location.origin}/zapps/${runtimeConfig.miniAppId}${task.sharePath}`;
}

/**
 * One broadcast to forward into the neighbourhood's Zalo group: "Chia sẻ vào nhóm" (Zalo's share sheet
 * with the head's deep link; in a browser, the link to copy), then "Đã chuyển tiếp".
 */
export function RelayTaskCard({ task, onChange }: { task: RelayTask; onChange(next: RelayTask): void }) {
  const { withToken } = useSession();
  const [pending, setPending] = useState<"share" | "confirm" | null>(null);
  const [isLinkShown, setLinkShown] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const titleId = `relay-${task.id}`;

  const run = async (action: "share" | "confirm", work: () => Promise<string | null>) => {
    setPending(action);
    setMessage(null);
    try {
      const text = await work();
      if (text) setMessage({ ok: true, text });
    } catch (reason) {
      setMessage({ ok: false, text: reason instanceof Error ? reason.message : "Không thực hiện được, vui lòng thử lại." });
    } finally {
      setPending(null);
    }
  };

  const share = () =>
    run("share", async () => {
      if (isInsideZalo()) {
        const isShared = await openShareSheet({ title: task.post.title, description: task.post.summary ?? "", thumbnail: "", path: task.sharePath });
        if (!isShared) return null;
      } else {
        setLinkShown(true);
      }
      onChange(await withToken((token) => markRelayShared(token, task.id)));
      return isInsideZalo() ? "Đã chia sẻ. Bấm “Đã chuyển tiếp” khi bài đã vào nhóm của tổ." : null;
    });

  const confirm = () =>
    run("confirm", async () => {
      onChange(await withToken((token) => confirmRelay(token, task.id)));
      return "Cảm ơn tổ trưởng đã chuyển tiếp.";
    });

  const copy = () =>
    run("share", async () => {
      try {
        await navigator.clipboard.writeText(browserLink(task));
      } catch {
        throw new Error("Không sao chép được. Hãy chọn và sao chép liên kết ở ô trên.");
      }
      return "Đã sao chép liên kết.";
    });

  return (
    <article className="relay-card" aria-labelledby={titleId}>
      <div className="relay-card-top">
        <span className={`status-chip relay-${task.status}`}>{statusLabels[task.status]}</span>
        <time className="muted" dateTime={task.createdAt}>
          Nhận lúc {formatDateTime(task.createdAt)}
        </time>
      </div>
      <h3 id={titleId} className="feed-card-title">
        {task.post.title}
      </h3>
      <p className="relay-opens">
        {task.opens.total} lượt mở qua liên kết của bạn · {task.opens.uniqueResidents} người
      </p>
      {isLinkShown && (
        <div className="field share-link">
          <label htmlFor={`${titleId}-link`}>Liên kết chia sẻ</label>
          <input id={`${titleId}-link`} readOnly value={browserLink(task)} onFocus={(event) => event.target.select()} />
          <p className="muted">Dán liên kết này vào nhóm Zalo của tổ. Trong Zalo, liên kết là {task.shareUrl}</p>
          <Button size="small" variant="tertiary" onClick={() => void copy()}>
            Sao chép liên kết
          </Button>
        </div>
      )}
      <div className="button-row">
        <Button size="medium" variant="secondary" loading={pending === "share"} disabled={pending !== null} onClick={() => void share()}>
          Chia sẻ vào nhóm
        </Button>
        {task.status !== "confirmed" && (
          <Button size="medium" loading={pending === "confirm"} disabled={pending !== null} onClick={() => void confirm()}>
            Đã chuyển tiếp
          </Button>
        )}
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "inline-success" : "inline-error"}>
          {message.text}
        </p>
      )}
    </article>
  );
}
