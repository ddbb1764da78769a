import { ErrorView, LoadingView } from "../../components/status-views";
import { PollWidget } from "./poll-widget";
import { PublicQuestions } from "./public-questions";
import { QuestionBox } from "./question-box";
import { Reactions } from "./reactions";
import { useEngagement } from "./use-engagement";

/** Everything under the content: reactions, the poll, questions with the ward's answers, and others' questions. */
export function PostEngagementSection({ postId }: { postId: string }) {
  const { loaded, data, set } = useEngagement(postId);
  if (!data) {
    if (loaded.status === "failed") return <ErrorView message={loaded.message} onRetry={loaded.reload} />;
    return <LoadingView label="Đang tải ý kiến…" />;
  }
  return (
    <div className="post-engagement">
      {data.poll && <PollWidget postId={postId} poll={data.poll} onChange={set} />}
      <Reactions postId={postId} engagement={data} onChange={set} />
      <QuestionBox postId={postId} engagement={data} onChange={set} />
      <PublicQuestions items={data.publicQuestions} />
    </div>
  );
}
