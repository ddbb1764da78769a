import type { MyData } from "@loa-phuong/shared";
import { formatDate, formatDateTime, formatPhone } from "@loa-phuong/shared/client";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { ErrorView, LoadingView } from "../../components/status-views";
import { useResource } from "../../hooks/use-resource";
import { fetchMyData } from "../../services/resident-api";
import { useSession } from "../../state/session";
import { civicRoleLabel, membershipLabel } from "../../utils/resident-labels";
import { signalKindLabel } from "../../utils/signal-kind-labels";
import { DeleteMyData } from "./delete-my-data";

const yesNo = (value: boolean) => (value ? "Có" : "Không");

/** "Dữ liệu của tôi": everything the ward keeps about the resident, in plain words (Nghị định 13/2023). */
export default function MyDataPage() {
  const { session, withToken } = useSession();
  const data = useResource(`my-data:${session.resident.id}`, (signal) =>
    withToken((token) => fetchMyData(token, signal)),
  );

  return (
    <Page className="page">
      <AppHeader title="Dữ liệu của tôi" showBack home="/profile" />
      <main className="page-content">
        <h1 className="page-title">Dữ liệu phường lưu về bạn</h1>
        <p className="muted">
          Theo Nghị định 13/2023/NĐ-CP, bạn có quyền xem và xóa dữ liệu cá nhân của mình.
        </p>
        {data.status === "loading" && <LoadingView label="Đang tải dữ liệu của bạn…" />}
        {data.status === "failed" && <ErrorView message={data.message} onRetry={data.reload} />}
        {data.status === "ready" && <MyDataView data={data.data} />}
        <DeleteMyData />
      </main>
    </Page>
  );
}

function MyDataView({ data }: { data: MyData }) {
  const { profile } = data;
  return (
    <>
      <section className="card" aria-labelledby="profile-data-title">
        <h2 id="profile-data-title" className="card-title">
          Thông tin cá nhân
        </h2>
        <dl className="facts">
          <dt>Họ tên (từ Zalo)</dt>
          <dd>{profile.fullName}</dd>
          <dt>Số điện thoại</dt>
          <dd>
            {profile.phone ? (
              <span className="phone-number">{formatPhone(profile.phone)}</span>
            ) : (
              "Phường không lưu số điện thoại của bạn"
            )}
          </dd>
          <dt>Tổ dân phố</dt>
          <dd>
            {profile.residentialGroup
              ? `${profile.residentialGroup} (${membershipLabel(profile.membershipStatus)})`
              : "Chưa có"}
          </dd>
          <dt>Vai trò</dt>
          <dd>
            {profile.civicRoles.length === 0
              ? "Không có"
              : profile.civicRoles
                  .map((r) => [civicRoleLabel(r.role), r.school].filter(Boolean).join(" – "))
                  .join("; ")}
          </dd>
          <dt>Quan tâm OA của phường</dt>
          <dd>{yesNo(profile.isFollower)}</dd>
          <dt>Nhận thông báo</dt>
          <dd>{yesNo(profile.notificationsAllowed)}</dd>
          <dt>Đồng ý sử dụng dữ liệu lúc</dt>
          <dd>{profile.consentedAt ? formatDateTime(profile.consentedAt) : "Chưa đồng ý"}</dd>
          <dt>Bắt đầu dùng Loa Phường</dt>
          <dd>{formatDate(profile.createdAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="counts-title">
        <h2 id="counts-title" className="card-title">
          Hoạt động của bạn
        </h2>
        <dl className="facts">
          <dt>Tin nhắn phường đã gửi bạn</dt>
          <dd>{data.messagesReceived}</dd>
          <dt>Lượt bày tỏ cảm xúc</dt>
          <dd>{data.reactions}</dd>
          <dt>Câu trả lời khảo sát</dt>
          <dd>{data.pollAnswers}</dd>
          <dt>Ảnh đã gửi</dt>
          <dd>{data.uploads}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="signals-title">
        <h2 id="signals-title" className="card-title">
          Những gì bạn đã gửi ({data.signals.length})
        </h2>
        {data.signals.length === 0 ? (
          <p className="muted">Bạn chưa gửi gì cho phường.</p>
        ) : (
          <ul className="plain-list">
            {data.signals.map((signal) => (
              // No id is handed out here; the time and kind name what the resident sent.
              <li key={`${signal.sentAt}:${signal.kind}`} className="data-signal">
                <p className="question-meta">
                  {signalKindLabel(signal.kind)} ·{" "}
                  <time dateTime={signal.sentAt}>{formatDateTime(signal.sentAt)}</time>
                  {signal.postTitle && <> · Bài: {signal.postTitle}</>}
                </p>
                {signal.text && <p className="question-text">{signal.text}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
