import { useSearchParams } from "react-router-dom";
import { Button } from "zmp-ui";
import { StaffPage } from "../../../components/staff/staff-page";
import { EmptyView, ErrorView, LoadingView } from "../../../components/status-views";
import { SignalCard } from "./signal-card";
import { SignalFilterForm } from "./signal-filters";
import { dateRangeError, hasFilters, readFilters, toQuery, writeFilters } from "./signal-filters-model";
import { useSignalList } from "./use-signal-list";

/** /staff/signals: what residents and group heads sent back, filtered; mark handled, answer. */
export default function SignalsInboxPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const isUsable = dateRangeError(filters) === null;
  const { list, loadMore, replace, reload } = useSignalList(isUsable ? toQuery(filters) : null);

  return (
    <StaffPage title="Hộp thư phản hồi">
      <h1 className="page-title">Hộp thư phản hồi</h1>
      <p className="muted">
        Câu hỏi, góp ý, phản ánh, đề cử điển hình, trả lời khảo sát, tin nhắn gửi OA và báo cáo dư luận của tổ
        trưởng.
      </p>
      <SignalFilterForm
        filters={filters}
        onChange={(next) => setParams(writeFilters(next), { replace: true })}
      />
      <section aria-labelledby="signal-list-heading" aria-busy={list.status === "loading"}>
        <h2 id="signal-list-heading" className="section-title">
          Phản hồi
        </h2>
        {!isUsable ? null : list.status === "loading" ? (
          <LoadingView label="Đang tải phản hồi…" />
        ) : list.status === "failed" ? (
          <ErrorView message={list.message} onRetry={reload} />
        ) : list.items.length === 0 ? (
          <EmptyView>
            {hasFilters(filters)
              ? "Không có phản hồi nào khớp bộ lọc."
              : "Không còn phản hồi nào chưa xử lý."}
          </EmptyView>
        ) : (
          <>
            <ul className="staff-list signal-list">
              {list.items.map((signal) => (
                <li key={signal.id}>
                  <SignalCard signal={signal} onChanged={replace} />
                </li>
              ))}
            </ul>
            {list.moreError && <ErrorView message={list.moreError} />}
            {list.hasMore && (
              <div className="action-row">
                <Button
                  variant="secondary"
                  loading={list.isLoadingMore}
                  disabled={list.isLoadingMore}
                  onClick={() => void loadMore()}
                >
                  Xem thêm
                </Button>
              </div>
            )}
          </>
        )}
      </section>
    </StaffPage>
  );
}
