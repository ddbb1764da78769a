import { formatCount, formatDate } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { ActionError, NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import {
  type Collaborator,
  dismissCollaborator,
  fetchCollaborators,
} from "../../../services/staff-collaborators-api";
import { useStaff } from "../../../state/staff-session";
import { residentialGroupLabel } from "../../../utils/text";
import { AppointForm } from "./appoint-form";

/**
 * Cộng tác viên dư luận xã hội: the residents the ward appoints to report what people in their area
 * are saying. Staff see when each last reported, appoint new ones from a group's members, and end an
 * appointment (the reports already sent stay).
 */
export default function CollaboratorsPage() {
  const { withStaffToken, hasRole } = useStaff();
  const canAppoint = hasRole("editor") || hasRole("approver");
  const [notice, setNotice] = useState<string | null>(null);
  const list = useResource("staff-collaborators", (signal) =>
    withStaffToken((token) => fetchCollaborators(token, signal)),
  );
  const changed = (message: string) => {
    setNotice(message);
    list.reload();
  };

  return (
    <StaffPage title="Cộng tác viên dư luận">
      <h1 className="page-title">Cộng tác viên dư luận xã hội</h1>
      <p className="muted">
        Cộng tác viên gửi báo cáo dư luận từ Zalo Mini App: tình hình chung, chủ đề bà con quan tâm và ý kiến
        ghi nhận. Báo cáo vào hộp thư phản hồi như của tổ trưởng.
      </p>
      <NoticeBanner notice={notice} />
      {list.status === "loading" && <LoadingView label="Đang tải…" />}
      {list.status === "failed" && <ErrorView message={list.message} onRetry={list.reload} />}
      {list.status === "ready" &&
        (list.data.items.length === 0 ? (
          <EmptyView>Phường chưa cử cộng tác viên nào.</EmptyView>
        ) : (
          <ul className="staff-list" aria-label="Cộng tác viên">
            {list.data.items.map((collaborator) => (
              <li key={collaborator.residentId}>
                <CollaboratorRow collaborator={collaborator} canDismiss={canAppoint} onChanged={changed} />
              </li>
            ))}
          </ul>
        ))}
      {canAppoint && <AppointForm onAppointed={changed} />}
    </StaffPage>
  );
}

function CollaboratorRow({
  collaborator,
  canDismiss,
  onChanged,
}: {
  collaborator: Collaborator;
  canDismiss: boolean;
  onChanged(message: string): void;
}) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không thôi cử được, vui lòng thử lại.");
  const { fullName, residentialGroup, lastReportAt } = collaborator;
  return (
    <article className="staff-card" aria-label={fullName}>
      <p className="staff-row-title">{fullName}</p>
      <p className="staff-row-meta muted-inline">
        {residentialGroup ? residentialGroupLabel(residentialGroup.name) : "Chưa thuộc tổ"} · cử ngày{" "}
        <time dateTime={collaborator.appointedAt}>{formatDate(collaborator.appointedAt)}</time>
      </p>
      <p>
        {lastReportAt ? (
          <>
            Báo cáo gần nhất: <time dateTime={lastReportAt}>{formatDate(lastReportAt)}</time> ·{" "}
            {formatCount(collaborator.reportsLast30Days)} báo cáo trong 30 ngày
          </>
        ) : (
          "Chưa gửi báo cáo nào."
        )}
      </p>
      <ActionError message={error} />
      {canDismiss && (
        <Button
          size="small"
          variant="secondary"
          loading={isBusy}
          disabled={isBusy}
          onClick={() =>
            void run(async () => {
              await withStaffToken((token) => dismissCollaborator(token, collaborator.residentId));
              onChanged(`Đã thôi cử ${fullName} làm cộng tác viên.`);
            })
          }
        >
          Thôi cử
        </Button>
      )}
    </article>
  );
}
