import { formatDate, wardClock } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import {
  type ChannelStatusList,
  fetchPushChannels,
  type PushChannel,
  resumePushChannel,
} from "../../../services/staff-admin-api";
import { useStaff } from "../../../state/staff-session";
import { byChannelOrder, channelLabel, formatCount, formatVnd } from "../../../utils/channel-labels";

type ChannelStatus = ChannelStatusList["items"][number];

/** The server setting a channel needs before it can be used (the OA channel needs none). */
const missingSetting: Record<PushChannel, string | null> = {
  oa: null,
  article: "cần bật CHANNEL_ARTICLE_ENABLED",
  notification: "cần đặt ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID và ZALO_MINIAPP_API_KEY",
  template: "cần đặt ZALO_ZBS_TEMPLATE_ID",
  zbs_phone: "cần đặt ZALO_ZBS_PHONE_TEMPLATE_ID",
};

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy HH:mm in ward time. */
function formatStoppedAt(iso: string): string {
  const clock = wardClock(new Date(iso));
  return `${formatDate(iso)} ${pad(clock.hour)}:${pad(clock.minute)}`;
}

function priceOf({ channel, priceVnd }: ChannelStatus): string {
  if (priceVnd === 0) return "miễn phí";
  const price = `${formatVnd(priceVnd)}/tin`;
  return channel === "oa" ? `miễn phí trong 48 giờ, sau đó ${price}` : price;
}

/** What Zalo said when it stopped the channel: "mã -211: …", or whichever part it gave. */
function stopReason(stop: NonNullable<ChannelStatus["stop"]>): string {
  const parts = [stop.code === null ? null : `mã ${stop.code}`, stop.message.trim() || null];
  const reason = parts.filter((part) => part !== null).join(": ");
  return reason ? ` (${reason})` : "";
}

/**
 * "Kênh gửi tin": the ward's push channels as the server sees them. When Zalo stops one (quota, package,
 * billing), an admin reopens it here once the cause is fixed.
 */
export function ChannelsSection() {
  const { withStaffToken } = useStaff();
  const channels = useResource("staff-push-channels", (signal) =>
    withStaffToken((token) => fetchPushChannels(token, signal)),
  );
  // The list a "Mở lại kênh" answered with: newer than the one loaded with the screen.
  const [reopened, setReopened] = useState<ChannelStatusList | null>(null);
  const list = reopened ?? (channels.status === "ready" ? channels.data : null);

  return (
    <section aria-labelledby="channels-heading">
      <h2 id="channels-heading" className="section-title">
        Kênh gửi tin
      </h2>
      {!list && channels.status === "loading" && <LoadingView label="Đang tải…" />}
      {!list && channels.status === "failed" && (
        <ErrorView message={channels.message} onRetry={channels.reload} />
      )}
      {list && (
        <ul className="staff-list" aria-label="Kênh gửi tin">
          {byChannelOrder(list.items).map((item) => (
            <li key={item.channel}>
              <ChannelRow item={item} onReopened={setReopened} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChannelRow({
  item,
  onReopened,
}: {
  item: ChannelStatus;
  onReopened(list: ChannelStatusList): void;
}) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không mở lại được kênh, vui lòng thử lại.");
  const [done, setDone] = useState(false);
  const name = channelLabel(item.channel);
  const missing = item.enabled ? null : missingSetting[item.channel];
  const resume = () =>
    run(async () => {
      setDone(false);
      const list = await withStaffToken((token) => resumePushChannel(token, item.channel));
      onReopened(list);
      setDone(true);
    });

  return (
    <div className="staff-row">
      <span className="staff-row-title">{name}</span>
      <span>
        {item.stop ? (
          <span className="status-pill broadcast-failed">Đã dừng</span>
        ) : (
          <span className={`status-pill ${item.enabled ? "broadcast-sent" : "broadcast-cancelled"}`}>
            {item.enabled ? "Đang dùng" : "Chưa cấu hình"}
          </span>
        )}
        {missing && <span className="channel-setting">{missing}</span>}
      </span>
      <span className="staff-row-meta">Giá mỗi tin: {priceOf(item)}</span>
      <span className="staff-row-meta">
        Hạn mức còn hôm nay:{" "}
        {item.quotaLeft === null ? "không giới hạn" : `${formatCount(item.quotaLeft)} tin`}
      </span>
      {item.stop && (
        <>
          <p className="channel-stop">
            Zalo đã dừng kênh này từ{" "}
            <time dateTime={item.stop.stoppedAt}>{formatStoppedAt(item.stop.stoppedAt)}</time>
            {stopReason(item.stop)}
          </p>
          <Button
            variant="secondary"
            size="small"
            loading={isBusy}
            disabled={isBusy}
            onClick={() => void resume()}
            aria-label={`Mở lại kênh ${name}`}
          >
            Mở lại kênh
          </Button>
        </>
      )}
      <ActionError message={error} />
      {done && !error && (
        <p role="status" className="inline-success">
          Đã mở lại kênh. Bấm “Tiếp tục” ở các đợt gửi đang tạm dừng.
        </p>
      )}
    </div>
  );
}
