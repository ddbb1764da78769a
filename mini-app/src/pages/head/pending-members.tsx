import { formatDate } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { OutcomeMessage } from "../../components/outcome-message";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useAction } from "../../hooks/use-action";
import { useResource } from "../../hooks/use-resource";
import { decideMember, fetchMembers, type GroupMember } from "../../services/head-api";
import { useSession } from "../../state/session";

/** Residents who chose this group and wait for the head: "Xác nhận" or "Từ chối". */
export function PendingMembers() {
  const { withToken } = useSession();
  const members = useResource("members:pending", (signal) =>
    withToken((token) => fetchMembers(token, "pending", signal)),
  );
  const [decided, setDecided] = useState<Record<string, "confirm" | "reject">>({});
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không lưu được, vui lòng thử lại.");
  const pending = isBusy ? chosen : null;

  const decide = (member: GroupMember, decision: "confirm" | "reject") => {
    setChosen(member.id);
    setNotice(null);
    void run(async () => {
      await withToken((token) => decideMember(token, member.id, decision));
      setDecided((current) => ({ ...current, [member.id]: decision }));
      setNotice(
        decision === "confirm" ? `Đã xác nhận ${member.fullName} vào tổ.` : `Đã từ chối ${member.fullName}.`,
      );
    });
  };

  const waiting =
    members.status === "ready" ? members.data.items.filter((member) => !decided[member.id]) : [];
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title" className="section-title">
        Thành viên chờ xác nhận
      </h2>
      <OutcomeMessage error={error} notice={notice} />
      {members.status === "loading" && <LoadingView label="Đang tải danh sách…" />}
      {members.status === "failed" && <ErrorView message={members.message} onRetry={members.reload} />}
      {members.status === "ready" &&
        (waiting.length === 0 ? (
          <EmptyView>Không có ai đang chờ xác nhận.</EmptyView>
        ) : (
          <ul className="feed-list">
            {waiting.map((member) => (
              <li key={member.id}>
                {/* A group named after the member, so that "Xác nhận" and "Từ chối" say whom they are for. */}
                <fieldset className="member-row" aria-labelledby={`member-${member.id}`}>
                  <div>
                    <p id={`member-${member.id}`} className="member-name">
                      {member.fullName}
                    </p>
                    {member.since && <p className="muted">Xin vào tổ ngày {formatDate(member.since)}</p>}
                  </div>
                  <div className="button-row">
                    <Button
                      size="small"
                      disabled={pending !== null}
                      loading={pending === member.id}
                      onClick={() => decide(member, "confirm")}
                    >
                      Xác nhận
                    </Button>
                    <Button
                      size="small"
                      variant="tertiary"
                      disabled={pending !== null}
                      onClick={() => decide(member, "reject")}
                    >
                      Từ chối
                    </Button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
