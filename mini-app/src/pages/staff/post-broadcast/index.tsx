import { Link, useParams } from "react-router-dom";
import { StaffPage } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import {
  fetchBroadcasts,
  fetchPost,
  fetchResidentialGroups,
  fetchSchools,
} from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { BroadcastComposer } from "./broadcast-composer";

const sendableStatuses = ["approved", "scheduled", "sending", "sent"];

/** /staff/posts/:id/broadcast: pick who receives an approved post and when. */
export default function BroadcastComposerPage() {
  const { id = "" } = useParams();
  const { withStaffToken, hasRole } = useStaff();
  const data = useResource(`broadcast-composer:${id}`, (signal) =>
    withStaffToken((token) =>
      Promise.all([
        fetchPost(token, id, signal),
        fetchResidentialGroups(token, signal),
        fetchSchools(token, signal),
        // Its broadcasts so far: the form says what is already going out, or went, and to whom.
        fetchBroadcasts(token, { postId: id, limit: 100 }, signal),
      ]).then(([post, groups, schools, broadcasts]) => ({
        post,
        groups: groups.items,
        schools: schools.items,
        broadcasts: broadcasts.items,
      })),
    ),
  );

  return (
    <StaffPage title="Gửi bài">
      {data.status === "loading" && <LoadingView label="Đang tải…" />}
      {data.status === "failed" && <ErrorView message={data.message} onRetry={data.reload} />}
      {data.status === "ready" && (
        <>
          <h1 className="page-title">Lên lịch gửi: {data.data.post.title}</h1>
          {!hasRole("editor") ? (
            <p className="hint-box">Chỉ cán bộ biên tập mới lên lịch gửi được.</p>
          ) : sendableStatuses.includes(data.data.post.status) &&
            data.data.post.approvedVersion === data.data.post.version ? (
            <BroadcastComposer
              post={data.data.post}
              groups={data.data.groups}
              schools={data.data.schools}
              earlier={data.data.broadcasts}
            />
          ) : (
            <p className="hint-box">
              Chỉ gửi được bài đã được duyệt.{" "}
              <Link to={`/staff/posts/${encodeURIComponent(id)}`} className="text-link">
                Mở bài viết
              </Link>
            </p>
          )}
        </>
      )}
    </StaffPage>
  );
}
