import { useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { ErrorView, LoadingView } from "../../components/status-views";
import { useResource } from "../../hooks/use-resource";
import { fetchFeedItem } from "../../services/api";
import { useSession } from "../../state/session";
import { PostArticle } from "./post-article";

/** One post, opened from the feed or from a shared link (/post/:id?ref=…). */
export default function PostPage() {
  const { id = "" } = useParams();
  const { withToken } = useSession();
  const post = useResource(`post:${id}`, (signal) => withToken((token) => fetchFeedItem(token, id, signal)));

  return (
    <Page className="page">
      <AppHeader title="Bài viết" showBack />
      <main className="page-content">
        {post.status === "loading" && <LoadingView label="Đang tải bài viết…" />}
        {post.status === "failed" && <ErrorView message={post.message} onRetry={post.reload} />}
        {post.status === "ready" && <PostArticle post={post.data} />}
      </main>
    </Page>
  );
}
