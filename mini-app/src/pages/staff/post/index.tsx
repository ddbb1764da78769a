import type { Post } from "@loa-phuong/shared";
import { useState } from "react";
import { useLocation, useParams } from "react-router-dom";
import { NoticeBanner, StaffPage } from "../../../components/staff/staff-page";
import { ErrorView, LoadingView } from "../../../components/status-views";
import { useResource } from "../../../hooks/use-resource";
import { fetchPost } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { PostForm } from "./post-form";

/** /staff/posts/new writes a post; /staff/posts/:id edits, submits or schedules one. */
export default function PostEditorPage() {
  const { id } = useParams();
  return (
    <StaffPage title={id ? "Bài viết" : "Soạn bài mới"}>
      {id ? (
        <ExistingPost id={id} />
      ) : (
        <>
          <h1 className="page-title">Soạn bài mới</h1>
          <PostForm post={null} />
        </>
      )}
    </StaffPage>
  );
}

function ExistingPost({ id }: { id: string }) {
  const { withStaffToken } = useStaff();
  const loaded = useResource(`staff-post:${id}`, (signal) =>
    withStaffToken((token) => fetchPost(token, id, signal)),
  );
  const arrivedWith = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const [saved, setSaved] = useState<{ post: Post; notice: string } | null>(null);

  if (loaded.status === "loading") return <LoadingView label="Đang tải bài viết…" />;
  if (loaded.status === "failed") return <ErrorView message={loaded.message} onRetry={loaded.reload} />;
  const post = saved?.post ?? loaded.data;
  return (
    <>
      <h1 className="page-title">{post.title}</h1>
      <NoticeBanner notice={saved?.notice ?? arrivedWith} />
      {/* A new key after each save: the form starts again from what the server stored. */}
      <PostForm
        key={`${post.id}:${post.version}:${post.status}`}
        post={post}
        onSaved={(next, notice) => setSaved({ post: next, notice })}
      />
    </>
  );
}
