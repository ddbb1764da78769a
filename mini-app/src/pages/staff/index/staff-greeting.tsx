import { Link } from "react-router-dom";
import { useNavigate } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { apiUrl } from "../../../services/api";
import { fetchPosts } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { staffRoleLabels } from "../../../utils/staff-labels";

/**
 * Name and roles, and the ways in: write a post, the approval queue, the feedback inbox, Bull Board
 * (admins), sign out.
 */
export function StaffGreeting() {
  const { staff, hasRole, signOut } = useStaff();
  const navigate = useNavigate();
  // Signed out, the staff area gives way to the sign-in page.
  const {
    isBusy: isSigningOut,
    error,
    run,
  } = useAction("Không đăng xuất được, vui lòng thử lại.", { keepBusyOnSuccess: true });

  const onSignOut = () => run(signOut);

  return (
    <section className="staff-card" aria-labelledby="staff-greeting-heading">
      <h1 id="staff-greeting-heading" className="page-title">
        {staff.displayName}
      </h1>
      <p className="muted">
        Tài khoản <strong>{staff.username}</strong> · Vai trò:{" "}
        {staff.roles.map((role) => staffRoleLabels[role] ?? role).join(", ")}
      </p>
      {/* One look for every way in, sign-out included: the same pill, size and type. */}
      <div className="action-row">
        {hasRole("editor") && (
          <button type="button" className="button-link" onClick={() => navigate("/staff/posts/new")}>
            Soạn bài mới
          </button>
        )}
        {hasRole("approver") && <ReviewQueueLink />}
        <Link to="/staff/signals" className="button-link">
          Hộp thư phản hồi
        </Link>
        <Link to="/staff/rumours" className="button-link">
          Tin đồn
        </Link>
        <Link to="/staff/opinion" className="button-link">
          Dư luận
        </Link>
        <Link to="/staff/tasks" className="button-link">
          Nhiệm vụ các đơn vị
        </Link>
        <Link to="/staff/collaborators" className="button-link">
          Cộng tác viên dư luận
        </Link>
        {hasRole("admin") && (
          <Link to="/staff/zalo" className="button-link">
            Kết nối Zalo OA
          </Link>
        )}
        <button
          type="button"
          className="button-link sign-out"
          disabled={isSigningOut}
          aria-busy={isSigningOut}
          onClick={() => void onSignOut()}
        >
          {isSigningOut ? "Đang đăng xuất…" : "Đăng xuất"}
        </button>
      </div>
      {hasRole("admin") && (
        <div className="action-row admin-tools">
          <Link to="/staff/zalo-events" className="text-link">
            Sự kiện Zalo để riêng
          </Link>
          {/* Full page loads: the server's own pages, outside the Mini App. */}
          <a className="text-link" href={apiUrl("/admin/queues")}>
            Bảng hàng đợi (Bull Board)
          </a>
          <a className="text-link" href={apiUrl("/admin/api")}>
            Tài liệu API
          </a>
        </div>
      )}
      <ActionError message={error} />
    </section>
  );
}

function ReviewQueueLink() {
  const { withStaffToken } = useStaff();
  const queue = useResource("review-count", (signal) =>
    withStaffToken((token) => fetchPosts(token, { status: "submitted", limit: 100 }, signal)),
  );
  const count = queue.status === "ready" ? queue.data.items.length : null;
  return (
    <Link to="/staff/review" className="button-link">
      Hàng chờ duyệt{" "}
      {count !== null && (
        <span className="count-badge">
          {count}
          <span className="visually-hidden"> bài</span>
        </span>
      )}
    </Link>
  );
}
