import { formatDate } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { Button } from "zmp-ui";
import { DownloadLink } from "../../../components/staff/download-link";
import { ActionError, NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import {
  type CampaignTask,
  fetchCampaigns,
  fetchTaskBoard,
  type TaskBoard,
  urgeTask,
} from "../../../services/staff-tasks-api";
import { useStaff } from "../../../state/staff-session";
import { SetUpForms, unitKindLabels } from "./set-up-forms";

/**
 * Nhiệm vụ các đơn vị: a campaign's responsible units with their tasks, late ones first, and "Đôn đốc"
 * in one tap; editors add units, the residents who report for them, and tasks with deadlines.
 */
export default function TaskBoardPage() {
  const { withStaffToken, hasRole } = useStaff();
  const [params, setParams] = useSearchParams();
  const campaigns = useResource("staff-campaigns", (signal) =>
    withStaffToken((token) => fetchCampaigns(token, signal)),
  );
  const chosen =
    params.get("campaign") ?? (campaigns.status === "ready" ? (campaigns.data.items[0]?.id ?? null) : null);

  return (
    <StaffPage title="Nhiệm vụ các đơn vị">
      <h1 className="page-title">Nhiệm vụ các đơn vị</h1>
      {hasRole("editor") && (
        <p>
          <Link to="/staff/plans/import" className="text-link">
            Nhập kế hoạch mới từ tệp
          </Link>
        </p>
      )}
      {campaigns.status === "loading" && <LoadingView label="Đang tải…" />}
      {campaigns.status === "failed" && <ErrorView message={campaigns.message} onRetry={campaigns.reload} />}
      {campaigns.status === "ready" &&
        (campaigns.data.items.length === 0 || !chosen ? (
          <EmptyView>Phường chưa có kế hoạch, chiến dịch nào.</EmptyView>
        ) : (
          <>
            <label className="opinion-period">
              Kế hoạch{" "}
              <select
                value={chosen}
                onChange={(event) => setParams({ campaign: event.target.value }, { replace: true })}
              >
                {campaigns.data.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
            <Board campaignId={chosen} />
          </>
        ))}
    </StaffPage>
  );
}

function Board({ campaignId }: { campaignId: string }) {
  const { withStaffToken, hasRole } = useStaff();
  const [notice, setNotice] = useState<string | null>(null);
  const board = useResource(`staff-task-board-${campaignId}`, (signal) =>
    withStaffToken((token) => fetchTaskBoard(token, campaignId, signal)),
  );
  const changed = (message: string) => {
    setNotice(message);
    board.reload();
  };
  if (board.status === "loading") return <LoadingView label="Đang tải nhiệm vụ…" />;
  if (board.status === "failed") return <ErrorView message={board.message} onRetry={board.reload} />;
  const late = board.data.tasks.filter((t) => t.isLate);
  const rest = board.data.tasks.filter((t) => !t.isLate);
  return (
    <>
      <NoticeBanner notice={notice} />
      <Units board={board.data} />
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="section-title">
          Nhiệm vụ theo hạn
        </h2>
        {board.data.tasks.length === 0 ? (
          <EmptyView>Chưa giao nhiệm vụ nào.</EmptyView>
        ) : (
          <ul className="staff-list" aria-label="Nhiệm vụ">
            {[...late, ...rest].map((task) => (
              <li key={task.id}>
                <TaskRow task={task} onChanged={changed} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReportLinks campaignId={campaignId} />
      {hasRole("editor") && <SetUpForms campaignId={campaignId} board={board.data} onChanged={changed} />}
    </>
  );
}

function Units({ board }: { board: TaskBoard }) {
  if (board.units.length === 0) return <EmptyView>Chưa có đơn vị thực hiện nào.</EmptyView>;
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading" className="section-title">
        Đơn vị thực hiện
      </h2>
      <ul className="plain-list" aria-label="Đơn vị thực hiện">
        {board.units.map((unit) => (
          <li key={unit.id}>
            <strong>{unit.name}</strong> ({unitKindLabels[unit.kind]}): {unit.done} xong · {unit.open} đang
            làm · {unit.late} quá hạn
            {unit.members.length > 0
              ? ` · báo cáo: ${unit.members.map((m) => m.name).join(", ")}`
              : " · chưa có người báo cáo"}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TaskRow({ task, onChanged }: { task: CampaignTask; onChanged(message: string): void }) {
  const { withStaffToken, hasRole } = useStaff();
  const { isBusy, error, run } = useAction("Không đôn đốc được, vui lòng thử lại.");
  const state = task.status === "done" ? "Đã xong" : task.isLate ? "Quá hạn" : "Đang thực hiện";
  const last = task.reports.at(-1);
  return (
    <article className={`staff-card${task.isLate ? " alert-unread" : ""}`} aria-label={task.title}>
      <p className="staff-row-title">{task.title}</p>
      <p className="staff-row-meta muted-inline">
        {task.unit.name} · hạn <time dateTime={task.dueAt}>{formatDate(task.dueAt)}</time> ·{" "}
        <strong>{state}</strong>
        {task.urgedAt && <> · đã đôn đốc {formatDate(task.urgedAt)}</>}
      </p>
      {last && (
        <p>
          {last.by}: {last.text}
          {last.photos.length > 0 && ` (${last.photos.length} ảnh)`}
        </p>
      )}
      <ActionError message={error} />
      {task.status === "open" && (hasRole("editor") || hasRole("approver")) && (
        <Button
          size="small"
          variant={task.isLate ? "primary" : "secondary"}
          loading={isBusy}
          disabled={isBusy}
          onClick={() =>
            void run(async () => {
              await withStaffToken((token) => urgeTask(token, task.id));
              onChanged(`Đã đôn đốc ${task.unit.name}.`);
            })
          }
        >
          Đôn đốc
        </Button>
      )}
    </article>
  );
}

/** Báo cáo: the report upward for the week, the month or the whole campaign, to edit and sign in Word. */
function ReportLinks({ campaignId }: { campaignId: string }) {
  const path = (kind: string, format = "docx") =>
    `/api/campaigns/${encodeURIComponent(campaignId)}/report?kind=${kind}&format=${format}`;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading" className="section-title">
        Báo cáo kết quả
      </h2>
      <p className="muted">Tệp Word theo thể thức Nghị định 30/2020/NĐ-CP, để chỉnh sửa và trình ký.</p>
      <div className="action-row">
        <DownloadLink
          path={path("weekly")}
          fileName="bao-cao-tuan.docx"
          label="Báo cáo tuần"
          failMessage="Không tải được báo cáo, vui lòng thử lại."
        />
        <DownloadLink
          path={path("monthly")}
          fileName="bao-cao-thang.docx"
          label="Báo cáo tháng"
          failMessage="Không tải được báo cáo, vui lòng thử lại."
        />
        <DownloadLink
          path={path("final")}
          fileName="bao-cao-tong-ket.docx"
          label="Báo cáo tổng kết"
          failMessage="Không tải được báo cáo, vui lòng thử lại."
        />
        <DownloadLink
          path={path("final", "csv")}
          fileName="so-lieu-bao-cao.csv"
          label="Số liệu (CSV)"
          failMessage="Không tải được số liệu, vui lòng thử lại."
        />
      </div>
    </section>
  );
}
