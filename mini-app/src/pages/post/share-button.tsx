import type { FeedItem } from "@loa-phuong/shared";
import { useState } from "react";
import { Button } from "zmp-ui";
import { isInsideZalo } from "../../services/zalo/environment";
import { openShareSheet } from "../../services/zalo/sdk";
import { excerpt } from "../../utils/text";

type Outcome = { ok: boolean; message: string };

/** Inside Zalo: Zalo's share sheet with a deep link to this post. In a desktop demo: copy the link. */
async function share(post: FeedItem): Promise<string | null> {
  if (isInsideZalo()) {
    const isShared = await openShareSheet({
      title: post.title,
      description: excerpt(post.summary, post.body, 100),
      thumbnail: post.imageUrl ?? "",
      path: `/post/${encodeURIComponent(post.id)}`,
    });
    return isShared ? "Đã chia sẻ bài viết." : null;
  }
  // Without ?ref=…: a relay reference belongs to the head who shared the link, not to this resident.
  const link = window.location.origin + window.location.pathname;
  try {
    await navigator.clipboard.writeText(link);
  } catch {
    throw new Error("Không sao chép được liên kết, vui lòng thử lại.");
  }
  return "Đã sao chép liên kết bài viết.";
}

export function ShareButton({ post }: { post: FeedItem }) {
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onShare = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const message = await share(post);
      if (message) setOutcome({ ok: true, message });
    } catch (reason) {
      setOutcome({ ok: false, message: reason instanceof Error ? reason.message : "Không chia sẻ được, vui lòng thử lại." });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share">
      <Button variant="secondary" fullWidth loading={isBusy} disabled={isBusy} onClick={() => void onShare()}>
        Chia sẻ
      </Button>
      {outcome && (
        <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "inline-success" : "inline-error"}>
          {outcome.message}
        </p>
      )}
    </div>
  );
}
