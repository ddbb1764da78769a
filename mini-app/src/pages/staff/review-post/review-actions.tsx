import type { Post } from "@loa-phuong/shared";
import { errorTable } from "@loa-phuong/shared/client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { approvePost, rejectPost } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { postStatusLabels } from "../../../utils/staff-labels";

/** "Duyệt" and "Từ chối" (with a reason), for approvers; the server checks the same rules again. */
export function ReviewActions({ post }: { post: Post }) {
  const { staff, hasRole, withStaffToken } = useStaff();
  const navigate = useNavigate();
  const [decision, setDecision] = useState<"approve" | "reject">("approve");
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  // "Từ chối" opens the reason field and puts the cursor in it: the staff member asked for it.
  const reasonField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (isRejecting) reasonField.current?.focus();
  }, [isRejecting]);
  const [problem, setProblem] = useState<string | null>(null);
  // A refusal (e.g. 403 self_approval) shows the server's own Vietnamese message; success leaves for the queue.
  const { isBusy, error, run } = useAction("Không thực hiện được, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const pending = isBusy ? decision : null;

  if (post.status !== "submitted") {
    return (
      <p className="hint-box">
        Bài này không còn chờ duyệt (trạng thái: {postStatusLabels[post.status] ?? post.status}).
      </p>
    );
  }
  if (!hasRole("approver")) {
    return <p className="hint-box">Chỉ lãnh đạo có quyền duyệt mới duyệt hoặc từ chối được bài.</p>;
  }
  const isAuthor = post.authorId === staff.id;

  const act = (action: "approve" | "reject") => {
    setProblem(null);
    setDecision(action);
    void run(async () => {
      if (action === "approve") await withStaffToken((token) => approvePost(token, post.id, post.version));
      else await withStaffToken((token) => rejectPost(token, post.id, reason.trim()));
      const notice =
        action === "approve" ? `Đã duyệt bài “${post.title}”.` : `Đã từ chối bài “${post.title}”.`;
      navigate("/staff/review", { replace: true, state: { notice } });
    });
  };

  const onReject = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setProblem("Vui lòng nêu lý do từ chối để người soạn biết cần sửa gì.");
      return;
    }
    act("reject");
  };

  return (
    <section className="staff-card review-actions" aria-labelledby="review-actions-heading">
      <h2 id="review-actions-heading" className="section-title section-title-first">
        Quyết định
      </h2>
      {isAuthor && (
        <p id="self-approval-note" className="hint-box">
          Bạn là người soạn bài này. {errorTable.self_approval.message}
        </p>
      )}
      <ActionError message={problem ?? error} />
      {!isRejecting ? (
        <div className="action-row">
          <Button
            loading={pending === "approve"}
            disabled={pending !== null || isAuthor}
            aria-describedby={isAuthor ? "self-approval-note" : undefined}
            onClick={() => act("approve")}
          >
            Duyệt
          </Button>
          <Button variant="secondary" disabled={pending !== null} onClick={() => setRejecting(true)}>
            Từ chối
          </Button>
        </div>
      ) : (
        <form className="form-stack" onSubmit={onReject} noValidate>
          <div className="field">
            <label htmlFor="reject-reason">Lý do từ chối</label>
            <textarea
              id="reject-reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              ref={reasonField}
            />
          </div>
          <div className="action-row">
            <Button
              htmlType="submit"
              type="danger"
              loading={pending === "reject"}
              disabled={pending !== null}
            >
              Xác nhận từ chối
            </Button>
            <Button variant="tertiary" disabled={pending !== null} onClick={() => setRejecting(false)}>
              Hủy
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
