import type { RelayTask } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { OutcomeMessage } from "../../components/outcome-message";
import { runtimeConfig } from "../../config";
import { useAction } from "../../hooks/use-action";
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
 * One broadcast to forward into the neighbourhood's Zalo group — or a clarification card, the ward's answer
 * to a false claim heard in the group: "Chia sẻ vào nhóm" (Zalo's share sheet with the head's deep link;
 * in a browser, the link to copy), then "Đã chuyển tiếp".
 */
export function RelayTaskCard({ task, onChange }: { task: RelayTask; onChange(next: RelayTask): void }) {
  const { withToken } = useSession();
  const [step, setStep] = useState<"share" | "confirm">("share");
  const [isLinkShown, setLinkShown] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không thực hiện được, vui lòng thử lại.");
  const pending = isBusy ? step : null;
  const titleId = `relay-${task.id}`;

  const act = (next: "share" | "confirm", work: () => Promise<string | null>) => {
    setStep(next);
    setNotice(null);
    return run(async () => {
      setNotice(await work());
    });
  };

  const share = () =>
    act("share", async () => {
      if (isInsideZalo()) {
        const isShared = await openShareSheet({
          title: task.post.title,
          description: task.post.summary ?? "",
          thumbnail: "",
          path: task.sharePath,
        });
        if (!isShared) return null;
      } else {
        setLinkShown(true);
      }
      onChange(await withToken((token) => markRelayShared(token, task.id)));
      return isInsideZalo() ? "Đã chia sẻ. Bấm “Đã chuyển tiếp” khi bài đã vào nhóm của tổ." : null;
    });

  const confirm = () =>
    act("confirm", async () => {
      onChange(await withToken((token) => confirmRelay(token, task.id)));
      return "Cảm ơn tổ trưởng đã chuyển tiếp.";
    });

  const copy = () =>
    act("share", async () => {
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
      {task.clarification && (
        <p className="relay-card-kind">
          <strong>Đính chính tin đồn</strong> · {task.clarification.topic}
        </p>
      )}
      <h3 id={titleId} className="feed-card-title">
        {task.post.title}
      </h3>
      {task.clarification && task.post.summary && <p className="muted">{task.post.summary}</p>}
      <p className="relay-opens">
        {task.opens.total} lượt mở qua liên kết của bạn · {task.opens.uniqueResidents} người
      </p>
      {isLinkShown && (
        <div className="field share-link">
          <label htmlFor={`${titleId}-link`}>Liên kết chia sẻ</label>
          <input
            id={`${titleId}-link`}
            readOnly
            value={browserLink(task)}
            onFocus={(event) => event.target.select()}
          />
          <p className="muted">
            Dán liên kết này vào nhóm Zalo của tổ. Trong Zalo, liên kết là {task.shareUrl}
          </p>
          <Button size="small" variant="tertiary" onClick={() => void copy()}>
            Sao chép liên kết
          </Button>
        </div>
      )}
      <div className="button-row">
        <Button
          size="medium"
          variant="secondary"
          loading={pending === "share"}
          disabled={pending !== null}
          onClick={() => void share()}
        >
          Chia sẻ vào nhóm
        </Button>
        {task.status !== "confirmed" && (
          <Button
            size="medium"
            loading={pending === "confirm"}
            disabled={pending !== null}
            onClick={() => void confirm()}
          >
            Đã chuyển tiếp
          </Button>
        )}
      </div>
      <OutcomeMessage error={error} notice={notice} />
    </article>
  );
}
