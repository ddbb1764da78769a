import { textLimits } from "@loa-phuong/shared/client";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../../components/text-limit";
import { useAction } from "../../../hooks/use-action";
import { useResource } from "../../../hooks/use-resource";
import { fetchPosts } from "../../../services/staff-api";
import { createRumourClaim } from "../../../services/staff-rumours-api";
import { useStaff } from "../../../state/staff-session";

/** Editors record a false claim, with its topic and, when there is one, its clarification post. */
export function ClaimForm({ onCreated }: { onCreated(): void }) {
  const { withStaffToken } = useStaff();
  const [claim, setClaim] = useState("");
  const [topic, setTopic] = useState("");
  const [postId, setPostId] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không ghi nhận được tin đồn, vui lòng thử lại.");
  const ids = { claim: useId(), claimLimit: useId(), topic: useId(), post: useId() };
  const clarifications = useResource("staff-clarification-posts", (signal) =>
    withStaffToken((token) => fetchPosts(token, { limit: 100 }, signal)),
  );
  const choices =
    clarifications.status === "ready"
      ? clarifications.data.items.filter((p) => p.kind === "clarification")
      : [];

  const submit = () => {
    const missing = !claim.trim()
      ? "Hãy ghi lại tin đồn cần đính chính."
      : !topic.trim()
        ? "Hãy ghi chủ đề."
        : null;
    const found = missing ?? tooLongProblem(claim, textLimits.rumourClaim, "Nội dung tin đồn");
    setProblem(found);
    if (found) return;
    return run(async () => {
      await withStaffToken((token) =>
        createRumourClaim(token, {
          claim: claim.trim(),
          topic: topic.trim(),
          ...(postId ? { clarificationPostId: postId } : {}),
        }),
      );
      setClaim("");
      setTopic("");
      setPostId("");
      onCreated();
    });
  };

  return (
    <form
      className="staff-card claim-form"
      aria-label="Ghi nhận tin đồn"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={ids.claim}>Nội dung tin đồn</label>
      <textarea
        id={ids.claim}
        rows={3}
        value={claim}
        onChange={(event) => setClaim(event.target.value)}
        {...limitedFieldProps(ids.claimLimit, claim, textLimits.rumourClaim)}
      />
      <TextLimit id={ids.claimLimit} text={claim} limit={textLimits.rumourClaim} />
      <label htmlFor={ids.topic}>Chủ đề</label>
      <input
        id={ids.topic}
        value={topic}
        maxLength={textLimits.rumourTopic}
        onChange={(e) => setTopic(e.target.value)}
      />
      <label htmlFor={ids.post}>Bài đính chính</label>
      <select id={ids.post} value={postId} onChange={(event) => setPostId(event.target.value)}>
        <option value="">(Chưa có — soạn bài đính chính sau)</option>
        {choices.map((post) => (
          <option key={post.id} value={post.id}>
            {post.title}
          </option>
        ))}
      </select>
      <ActionError message={problem ?? error} />
      <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy}>
        Ghi nhận tin đồn
      </Button>
    </form>
  );
}
