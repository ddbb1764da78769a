import { formatCount, formatDate, formatDateTime } from "@loa-phuong/shared/client";
import { lazy, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { Button } from "zmp-ui";
import { StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import opinionCss from "../../../css/staff-opinion.css?inline";
import { useResource } from "../../../hooks/use-resource";
import {
  fetchOpinionDashboard,
  type OpinionDashboard,
  opinionPeriods,
  type SentimentSeries,
} from "../../../services/staff-opinion-api";
import { useStaff } from "../../../state/staff-session";
import { OpinionCsvLink } from "./csv-link";

// The chart library comes with the chart, after the figures: this screen's words never wait for it.
const SentimentChart = lazy(() => import("./sentiment-chart"));

// Styles travel inside this screen's chunk (see staff-app.tsx: no stylesheet is listed for residents).
if (!document.head.querySelector("style[data-loa-styles='staff-opinion']")) {
  const style = document.createElement("style");
  style.dataset.loaStyles = "staff-opinion";
  style.textContent = opinionCss;
  document.head.append(style);
}

const DEFAULT_DAYS = 14;
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

function daysOf(value: string | null): number {
  const days = Number(value);
  return (opinionPeriods as readonly number[]).includes(days) ? days : DEFAULT_DAYS;
}

/**
 * Dư luận: what residents feel and talk about over a period — feelings by theme and by residential group
 * day by day, spikes, what many say in their own words, rumours by group, offensive words, questions
 * waiting — and the period's labels as CSV. Groups under 5 residents are one row, never named.
 */
export default function OpinionPage() {
  const { withStaffToken } = useStaff();
  // The period lives in the URL, so going back to this screen keeps it.
  const [params, setParams] = useSearchParams();
  const days = daysOf(params.get("days"));
  const dashboard = useResource(`opinion-dashboard-${days}`, (signal) =>
    withStaffToken((token) => fetchOpinionDashboard(token, days, signal)),
  );

  return (
    <StaffPage title="Dư luận">
      <h1 className="page-title">Dư luận</h1>
      <p className="muted">
        Tin nhắn, góp ý, câu hỏi và phản ánh của người dân, theo chủ đề và tổ dân phố. Tổ có dưới 5 người được
        gộp vào “Các tổ dưới 5 người” và không bao giờ được nêu tên.
      </p>
      <div className="action-row opinion-filters">
        <label className="opinion-period">
          Khoảng thời gian{" "}
          <select
            value={days}
            onChange={(event) => setParams({ days: event.target.value }, { replace: true })}
          >
            {opinionPeriods.map((d) => (
              <option key={d} value={d}>
                {d} ngày qua
              </option>
            ))}
          </select>
        </label>
        <OpinionCsvLink days={days} />
        <Link to="/staff/opinion/themes" className="text-link">
          Chủ đề và từ khóa
        </Link>
      </div>
      {dashboard.status === "loading" && <LoadingView label="Đang tải số liệu dư luận…" />}
      {dashboard.status === "failed" && <ErrorView message={dashboard.message} onRetry={dashboard.reload} />}
      {dashboard.status === "ready" && <Dashboard data={dashboard.data} />}
    </StaffPage>
  );
}

function Dashboard({ data }: { data: OpinionDashboard }) {
  const { totals, questionsWaiting } = data;
  return (
    <>
      <p className="muted">
        Từ {formatDate(data.from)} đến {formatDate(data.to)}.
      </p>
      <section className="staff-card" aria-labelledby="opinion-summary-heading">
        <h2 id="opinion-summary-heading" className="section-title">
          Tổng quan
        </h2>
        <ul className="plain-list">
          <li>
            <strong>{formatCount(totals.messages)}</strong> tin có nội dung
          </li>
          <li>
            Lời lẽ xúc phạm, thù ghét: <strong>{percent.format(totals.toxicShare)}</strong> (
            {formatCount(totals.toxic)}/{formatCount(totals.labelled)} tin đã gán nhãn)
          </li>
          <li>
            Câu hỏi chờ trả lời: <strong>{formatCount(questionsWaiting.count)}</strong>
            {questionsWaiting.oldestAt && <> (cũ nhất từ {formatDateTime(questionsWaiting.oldestAt)})</>}{" "}
            <Link to="/staff/signals" className="text-link">
              Mở hộp thư phản hồi
            </Link>
          </li>
        </ul>
      </section>
      <Spikes data={data} />
      <SeriesSection
        id="opinion-themes"
        title="Cảm xúc theo chủ đề"
        what="Chủ đề"
        rows={data.byTheme}
        dates={data.dates}
      />
      <SeriesSection
        id="opinion-groups"
        title="Cảm xúc theo tổ dân phố"
        what="Tổ dân phố"
        rows={data.byGroup}
        dates={data.dates}
      />
      <Clusters data={data} />
      <Rumours data={data} />
    </>
  );
}

function Spikes({ data }: { data: OpinionDashboard }) {
  return (
    <section aria-labelledby="opinion-spikes-heading">
      <h2 id="opinion-spikes-heading" className="section-title">
        Tăng đột biến
      </h2>
      {data.spikes.length === 0 ? (
        <p className="muted">Không có chủ đề nào tăng đột biến.</p>
      ) : (
        <ul className="staff-list" aria-label="Chủ đề tăng đột biến">
          {data.spikes.map((spike) => (
            <li key={spike.id}>
              <div className="staff-row alert-unread">
                <span className="staff-row-title">
                  {spike.theme} · {spike.group}
                </span>
                <span>{spike.message}</span>
                <time className="staff-row-meta muted-inline" dateTime={spike.createdAt}>
                  {formatDateTime(spike.createdAt)}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Rows (themes or groups) with their counts, and the chosen one's days as a chart. */
function SeriesSection({
  id,
  title,
  what,
  rows,
  dates,
}: {
  id: string;
  title: string;
  what: string;
  rows: SentimentSeries[];
  dates: string[];
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = rows.find((r) => r.key === chosen) ?? rows[0];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        {title}
      </h2>
      {rows.length === 0 || !shown ? (
        <EmptyView>Chưa có tin nào trong khoảng thời gian này.</EmptyView>
      ) : (
        <>
          <ul className="plain-list opinion-rows" aria-label={title}>
            {rows.map((row) => (
              <li key={row.key}>
                <strong>{row.label}</strong>: {formatCount(row.total)} tin ·{" "}
                {formatCount(row.sentiment.negative)} tiêu cực · {formatCount(row.sentiment.neutral)} trung
                tính · {formatCount(row.sentiment.positive)} tích cực
              </li>
            ))}
          </ul>
          <label className="opinion-period">
            {what} theo ngày{" "}
            <select value={shown.key} onChange={(event) => setChosen(event.target.value)}>
              {rows.map((row) => (
                <option key={row.key} value={row.key}>
                  {row.label}
                </option>
              ))}
            </select>
          </label>
          <figure className="opinion-figure" aria-label={`${shown.label}: số tin theo ngày và cảm xúc`}>
            <Suspense fallback={<LoadingView label="Đang tải biểu đồ…" />}>
              <SentimentChart series={shown} dates={dates} />
            </Suspense>
          </figure>
        </>
      )}
    </section>
  );
}

function Clusters({ data }: { data: OpinionDashboard }) {
  return (
    <section aria-labelledby="opinion-clusters-heading">
      <h2 id="opinion-clusters-heading" className="section-title">
        Nhiều người cùng nói
      </h2>
      <p className="muted">
        Các tin gần giống nhau (dù viết khác, không dấu hay viết tắt) được gộp thành một cụm.
      </p>
      {data.topClusters.length === 0 ? (
        <p className="muted">Chưa có cụm tin nào.</p>
      ) : (
        <ul className="staff-list" aria-label="Cụm tin gần giống nhau">
          {data.topClusters.map((cluster) => (
            <li key={`${cluster.firstAt}-${cluster.count}-${cluster.text}`}>
              <ClusterRow cluster={cluster} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ClusterRow({ cluster }: { cluster: OpinionDashboard["topClusters"][number] }) {
  const [isRevealed, setRevealed] = useState(false);
  const isHidden = cluster.isToxic && !isRevealed;
  return (
    <article className="staff-row" aria-label={`Cụm ${formatCount(cluster.count)} tin`}>
      <span className="staff-row-title">{formatCount(cluster.count)} tin</span>
      {isHidden ? (
        <>
          <span className="signal-text signal-text-blurred" aria-hidden="true">
            {cluster.text}
          </span>
          <span className="staff-row-meta">
            Nội dung có thể có lời lẽ xúc phạm, đã được làm mờ.{" "}
            <Button variant="tertiary" size="small" onClick={() => setRevealed(true)}>
              Xem nội dung
            </Button>
          </span>
        </>
      ) : (
        <span className="signal-text">“{cluster.text}”</span>
      )}
      <span className="staff-row-meta">
        {cluster.groups.join(", ")} · từ{" "}
        <time dateTime={cluster.firstAt}>{formatDateTime(cluster.firstAt)}</time> đến{" "}
        <time dateTime={cluster.lastAt}>{formatDateTime(cluster.lastAt)}</time>
      </span>
    </article>
  );
}

function Rumours({ data }: { data: OpinionDashboard }) {
  return (
    <section aria-labelledby="opinion-rumours-heading">
      <h2 id="opinion-rumours-heading" className="section-title">
        Tin đồn theo tổ dân phố
      </h2>
      {data.rumours.length === 0 ? (
        <p className="muted">Không có tin nhắn nào nhắc lại tin đồn đã ghi nhận.</p>
      ) : (
        <ul className="staff-list" aria-label="Tin đồn theo tổ dân phố">
          {data.rumours.map((rumour) => (
            <li key={rumour.claimId}>
              <div className="staff-row">
                <span className="staff-row-title">“{rumour.claim}”</span>
                <span>
                  {formatCount(rumour.total)} tin:{" "}
                  {rumour.byGroup.map((g) => `${g.label} ${formatCount(g.messages)}`).join(", ")}
                </span>
                <Link to="/staff/rumours" className="text-link staff-row-meta">
                  Xem ở bàn tin đồn
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
