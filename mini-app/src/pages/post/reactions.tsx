import type { PostEngagement } from "@loa-phuong/shared";
import { ActionError } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { type ReactionKind, setReaction } from "../../services/engagement-api";
import { useSession } from "../../state/session";

// Words, not emoji: older phones' fonts draw many emoji as empty boxes.
const reactions: { kind: ReactionKind; label: string }[] = [
  { kind: "huu_ich", label: "Hữu ích" },
  { kind: "cam_on", label: "Cảm ơn" },
  { kind: "dong_tinh", label: "Đồng tình" },
  { kind: "quan_tam", label: "Quan tâm" },
];

/** Four toggles with their counts; each press is a signal the ward counts. */
export function Reactions({
  postId,
  engagement,
  onChange,
}: {
  postId: string;
  engagement: PostEngagement;
  onChange(next: PostEngagement): void;
}) {
  const { withToken } = useSession();
  const { isBusy, error, run } = useAction("Không gửi được, vui lòng thử lại.");

  const toggle = (kind: ReactionKind) =>
    run(async () => {
      const active = !engagement.myReactions.includes(kind);
      onChange(await withToken((token) => setReaction(token, postId, kind, active)));
    });

  return (
    <section className="engagement-block" aria-label="Bày tỏ ý kiến về bài viết">
      <div className="reaction-bar">
        {reactions.map(({ kind, label }) => {
          const isMine = engagement.myReactions.includes(kind);
          return (
            <button
              key={kind}
              type="button"
              className="reaction"
              aria-pressed={isMine}
              disabled={isBusy}
              onClick={() => void toggle(kind)}
            >
              {label} <span className="reaction-count">{engagement.reactions[kind] ?? 0}</span>
            </button>
          );
        })}
      </div>
      <ActionError message={error} />
    </section>
  );
}
