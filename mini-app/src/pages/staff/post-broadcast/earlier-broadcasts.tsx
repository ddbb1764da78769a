import type { AudienceInput } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import type { BroadcastListItem, ResidentialGroup, School } from "../../../services/staff-api";
import { broadcastStatusLabels } from "../../../utils/staff-labels";
import { describeAudience, isSameAudience } from "./audience-summary";

type Broadcast = BroadcastListItem;

/** Not finished: the post is going out, or will. */
const isUnderway = (broadcast: Broadcast) => ["scheduled", "sending", "paused"].includes(broadcast.status);

/** When a broadcast went, goes or will go, in a few words. */
function whenOf(broadcast: Broadcast, now = Date.now()): string {
  const started = formatDateTime(broadcast.startedAt ?? broadcast.scheduledAt);
  if (broadcast.status === "sending") return `đang gửi từ ${started}`;
  if (broadcast.status === "paused") return `tạm dừng, bắt đầu lúc ${started}`;
  if (broadcast.status === "scheduled")
    return Date.parse(broadcast.scheduledAt) > now
      ? `hẹn gửi lúc ${formatDateTime(broadcast.scheduledAt)}`
      : `sắp gửi (hẹn ${formatDateTime(broadcast.scheduledAt)})`;
  return `gửi lúc ${started}`;
}

const linkTo = (broadcast: Broadcast) => `/staff/broadcasts/${encodeURIComponent(broadcast.id)}`;

/**
 * What a staff member must know before sending a post again: its broadcasts so far (a cancelled one
 * sent nothing more and is left out), each with a link to its page.
 */
export function EarlierBroadcasts({
  broadcasts,
  groups,
  schools,
}: {
  broadcasts: Broadcast[];
  groups: ResidentialGroup[];
  schools: School[];
}) {
  const shown = broadcasts.filter((broadcast) => broadcast.status !== "cancelled");
  if (shown.length === 0) return null;
  const underway = shown.filter(isUnderway);
  return (
    <section className="staff-card" aria-labelledby="earlier-broadcasts-heading">
      <h2 id="earlier-broadcasts-heading" className="section-title section-title-first">
        {underway.length > 0 ? "Bài này đang có đợt gửi chưa xong" : "Bài này đã được gửi"}
      </h2>
      <p className="hint-box">
        {underway.length > 0
          ? "Gửi thêm cho cùng những người nhận, họ sẽ nhận bài hai lần. Muốn đổi giờ hay người nhận, " +
            "mở đợt gửi đó, hủy rồi lên lịch lại."
          : "Bạn vẫn có thể gửi lại, ví dụ cho những người nhận khác; ai đã nhận sẽ nhận thêm một lần."}
      </p>
      <ul className="staff-list" aria-label="Các đợt gửi của bài này">
        {shown.map((broadcast) => (
          <li key={broadcast.id} className="earlier-broadcast">
            <span className={`status-pill broadcast-${broadcast.status}`}>
              {broadcastStatusLabels[broadcast.status] ?? broadcast.status}
            </span>{" "}
            Tới {describeAudience(broadcast.audience, groups, schools)}, {whenOf(broadcast)}
            {broadcast.recipientCount !== null && ` (${broadcast.recipientCount} người nhận)`}.{" "}
            <Link to={linkTo(broadcast)} className="text-link">
              Xem đợt gửi
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Beside "Xác nhận gửi": the people chosen already got this post, or are about to. Sending again is
 * allowed (a reminder, a correction), so it is said, not refused: the latest sent and the next due.
 */
export function SameAudienceWarning({
  broadcasts,
  audience,
}: {
  broadcasts: Broadcast[];
  audience: AudienceInput | null;
}) {
  if (!audience) return null;
  const same = broadcasts.filter(
    (broadcast) => broadcast.status !== "cancelled" && isSameAudience(broadcast.audience, audience),
  );
  const underway = same.find(isUnderway);
  // Newest first, as the list comes: the first one done is the latest.
  const done = same.find((broadcast) => !isUnderway(broadcast));
  if (!underway && !done) return null;
  return (
    <div className="hint-box same-audience" role="note" aria-label="Đã gửi cho những người nhận này">
      {done && (
        <p>
          Những người nhận này đã được gửi bài này ({whenOf(done)}).{" "}
          <Link to={linkTo(done)} className="text-link">
            Xem đợt gửi đó
          </Link>
        </p>
      )}
      {underway && (
        <p>
          Bài này đang có đợt gửi cho đúng những người nhận này ({whenOf(underway)}).{" "}
          <Link to={linkTo(underway)} className="text-link">
            {underway.status === "sending" ? "Xem đợt đang gửi" : "Xem đợt gửi đang chờ"}
          </Link>
        </p>
      )}
      <p>
        Xác nhận sẽ gửi cho họ thêm một lần nữa
        {underway ? ": muốn đổi giờ hay người nhận, hãy hủy đợt chưa xong thay vì tạo thêm." : "."}
      </p>
    </div>
  );
}
