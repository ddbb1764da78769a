import { formatCount, formatDateTime } from "@loa-phuong/shared/client";
import { Link } from "react-router-dom";
import { StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchRumourClaims, type RumourClaim } from "../../../services/staff-rumours-api";
import { useStaff } from "../../../state/staff-session";
import { ClaimForm } from "./claim-form";
import { ClaimSpreadByDay } from "./claim-spread";
import { ReplyModeSetting } from "./reply-mode";

/**
 * Bàn tin đồn: the false claims the ward answers. Each shows its answer (a clarification post, sent
 * only once approved), how many residents' messages repeated it, in the last day, and in which
 * residential groups; editors record new ones.
 */
export default function RumoursPage() {
  const { withStaffToken, hasRole } = useStaff();
  const claims = useResource("staff-rumour-claims", (signal) =>
    withStaffToken((token) => fetchRumourClaims(token, signal)),
  );

  return (
    <StaffPage title="Tin đồn cần đính chính">
      <h1 className="page-title">Tin đồn cần đính chính</h1>
      <p className="muted">
        Tin nhắn, phản ánh và câu hỏi của người dân được đối chiếu với từng tin đồn khi đến, dù viết không dấu
        hay viết tắt. Tổ có dưới 5 người nhắc lại được gộp vào “các tổ khác”.
      </p>
      {claims.status === "ready" && claims.data.settings && (
        <ReplyModeSetting
          key={claims.data.settings.replyMode}
          mode={claims.data.settings.replyMode}
          onSaved={claims.reload}
        />
      )}
      {hasRole("editor") && <ClaimForm onCreated={claims.reload} />}
      {claims.status === "loading" && <LoadingView label="Đang tải…" />}
      {claims.status === "failed" && <ErrorView message={claims.message} onRetry={claims.reload} />}
      {claims.status === "ready" &&
        (claims.data.items.length === 0 ? (
          <EmptyView>Chưa ghi nhận tin đồn nào.</EmptyView>
        ) : (
          <ul className="staff-list" aria-label="Tin đồn đã ghi nhận">
            {claims.data.items.map((claim) => (
              <li key={claim.id}>
                <ClaimRow claim={claim} />
              </li>
            ))}
          </ul>
        ))}
    </StaffPage>
  );
}

function ClaimRow({ claim }: { claim: RumourClaim }) {
  return (
    <article className="staff-card" aria-label={claim.claim}>
      <p className="staff-row-title">“{claim.claim}”</p>
      <p className="staff-row-meta muted-inline">
        Chủ đề: {claim.topic} · ghi nhận lúc{" "}
        <time dateTime={claim.createdAt}>{formatDateTime(claim.createdAt)}</time>
      </p>
      <p className="staff-row-meta">
        {claim.clarification ? (
          <>
            Bài đính chính:{" "}
            <Link className="text-link" to={`/staff/posts/${encodeURIComponent(claim.clarification.postId)}`}>
              {claim.clarification.title}
            </Link>{" "}
            {claim.clarification.isApproved ? "(đã duyệt)" : "(chưa duyệt: chưa gửi cho ai)"}
          </>
        ) : (
          "Chưa có bài đính chính."
        )}
      </p>
      <p>
        <strong>{formatCount(claim.matches.total)}</strong> tin nhắc lại ·{" "}
        {formatCount(claim.matches.last24h)} trong 24 giờ qua
      </p>
      {(claim.byGroup.length > 0 || claim.othersMessages > 0) && (
        <ul className="plain-list" aria-label={`Nơi tin đồn lan: ${claim.claim}`}>
          {claim.byGroup.map((row) => (
            <li key={row.group}>
              {row.group}: {formatCount(row.messages)} tin, {formatCount(row.residents)} người
            </li>
          ))}
          {claim.othersMessages > 0 && <li>Các tổ khác: {formatCount(claim.othersMessages)} tin</li>}
        </ul>
      )}
      <ClaimSpreadByDay claim={claim} />
    </article>
  );
}
