import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { EmptyView } from "../../components/status-views";
import { useSession } from "../../state/session";
import { residentialGroupLabel } from "../../utils/text";
import { PendingMembers } from "./pending-members";
import { RelayTaskList } from "./relay-task-list";

/** "Tổ của tôi", for group heads: relay tasks, members waiting for confirmation, the opinion report. */
export default function HeadPage() {
  const { session } = useSession();
  const { resident } = session;

  return (
    <Page className="page">
      <AppHeader title="Tổ của tôi" />
      <main className="page-content">
        <h1 className="page-title">
          {resident.residentialGroup ? residentialGroupLabel(resident.residentialGroup.name) : "Tổ của tôi"}
        </h1>
        {resident.isGroupHead ? (
          <>
            <p className="muted">
              Chuyển tiếp thông báo của phường vào nhóm Zalo của tổ và xác nhận thành viên mới.
            </p>
            <section aria-labelledby="check-title" className="card">
              <h2 id="check-title" className="card-title">
                Tin đáng ngờ trong nhóm
              </h2>
              <p>Dán tin lạ trong nhóm Zalo của tổ để biết phường đã đính chính chưa.</p>
              <Link to="/head/check" className="button-link">
                Kiểm tra tin này
              </Link>
            </section>
            <RelayTaskList />
            <PendingMembers />
            <section aria-labelledby="opinion-title" className="card">
              <h2 id="opinion-title" className="card-title">
                Dư luận trong tổ
              </h2>
              <p>Ghi nhận ý kiến, tâm trạng của bà con để phường nắm bắt kịp thời.</p>
              <Link to="/opinion-report" className="button-link">
                Báo cáo dư luận
              </Link>
            </section>
          </>
        ) : (
          <EmptyView>Mục này dành cho tổ trưởng tổ dân phố.</EmptyView>
        )}
      </main>
    </Page>
  );
}
