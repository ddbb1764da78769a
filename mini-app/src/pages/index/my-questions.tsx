import { QuestionCard } from "../../components/question-card";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useResource } from "../../hooks/use-resource";
import { fetchMyQuestions } from "../../services/resident-api";
import { useSession } from "../../state/session";

/**
 * "Hỏi đáp": the resident's questions, góp ý, reports and nominations, and the ward's answers. Loaded on
 * demand.
 */
export default function MyQuestions() {
  const { session, withToken } = useSession();
  const questions = useResource(`questions:${session.resident.id}`, (signal) =>
    withToken((token) => fetchMyQuestions(token, signal)),
  );

  if (questions.status === "loading") return <LoadingView label="Đang tải những gì bạn đã gửi…" />;
  if (questions.status === "failed")
    return <ErrorView message={questions.message} onRetry={questions.reload} />;
  if (questions.data.items.length === 0) {
    return (
      <EmptyView>
        Bạn chưa gửi câu hỏi, góp ý, phản ánh hay đề cử nào. Mở một bài viết để hỏi cán bộ phường.
      </EmptyView>
    );
  }
  return (
    <ul className="feed-list">
      {questions.data.items.map((item) => (
        <li key={item.id}>
          <QuestionCard item={item} />
        </li>
      ))}
    </ul>
  );
}
