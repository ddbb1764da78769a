import type { FeedItem } from "@loa-phuong/shared";
import { useState } from "react";
import { Button } from "zmp-ui";
import { OutcomeMessage } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { isInsideZalo } from "../../services/zalo/environment";
import { openShareSheet } from "../../services/zalo/sdk";
import { excerpt } from "../../utils/text";

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
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không chia sẻ được, vui lòng thử lại.");

  const onShare = () => {
    setNotice(null);
    void run(async () => {
      setNotice(await share(post));
    });
  };

  return (
    <div className="share">
      <Button variant="secondary" fullWidth loading={isBusy} disabled={isBusy} onClick={onShare}>
        Chia sẻ
      </Button>
      <OutcomeMessage error={error} notice={notice} />
    </div>
  );
}
