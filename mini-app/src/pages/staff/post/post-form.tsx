import type { Post, PostKind } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { MessagePreview } from "../../../components/staff/message-preview";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { ApiError } from "../../../services/api";
import { createPost, submitPost, updatePost } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { postKindLabels, postKinds } from "../../../utils/post-kind";
import { postStatusLabels } from "../../../utils/staff-labels";
import { checkDraft, contentOf, draftOf } from "./post-draft";
import { type Draft, type FieldErrors, PostFields } from "./post-fields";
import { keptDraftKey, useKeptDraft } from "./use-kept-draft";

// As the server allows: a broadcast under way keeps the version it froze, an edit affects what is sent next.
const editableStatuses = [
  "draft",
  "rejected",
  "submitted",
  "approved",
  "scheduled",
  "paused",
  "sending",
  "sent",
];
const submittableStatuses = ["draft", "rejected"];
const approvedStatuses = ["approved", "scheduled", "sending", "sent"];

const formFields = new Set(["title", "summary", "body", "imageUrl", "poll"]);

/** Compose or edit a post, with the OA message preview, and move it along: save, submit, schedule. */
export function PostForm({
  post,
  onSaved,
}: {
  post: Post | null;
  onSaved?(post: Post, notice: string): void;
}) {
  const { withStaffToken, hasRole, staff } = useStaff();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(post));
  const isDirty = JSON.stringify(draft) !== JSON.stringify(draftOf(post));
  const kept = useKeptDraft(keptDraftKey(staff.id, post?.id), post, draft, isDirty, setDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [action, setAction] = useState<"save" | "submit">("save");
  // Success leaves: to the new post's page, or a fresh form (the parent keys it by version and status).
  const { isBusy, error, run } = useAction("Không lưu được bài, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const pending = isBusy ? action : null;

  const isEditor = hasRole("editor");
  const isEditable = isEditor && (!post || editableStatuses.includes(post.status));
  const canSubmit = isEditor && (!post || submittableStatuses.includes(post.status));
  const canSchedule =
    isEditor &&
    post !== null &&
    approvedStatuses.includes(post.status) &&
    post.approvedVersion === post.version;
  const needsApprovalAgain =
    post !== null && ["approved", "scheduled", "paused", "sending", "sent"].includes(post.status);

  const save = async (current: Post | null): Promise<Post> => {
    if (!current)
      return withStaffToken((token) =>
        createPost(token, { kind: draft.kind, isUrgent: draft.isUrgent, ...contentOf(draft) }),
      );
    if (!isDirty) return current;
    return withStaffToken((token) => updatePost(token, current.id, contentOf(draft)));
  };

  const act = (next: "save" | "submit") => {
    const found = checkDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem("Vui lòng sửa các mục được đánh dấu.");
      return;
    }
    setProblem(null);
    setAction(next);
    void run(async () => {
      try {
        let saved = await save(post);
        if (next === "submit") saved = await withStaffToken((token) => submitPost(token, saved.id));
        const notice =
          next === "submit"
            ? "Đã gửi bài cho lãnh đạo duyệt."
            : saved.status === "submitted"
              ? "Đã lưu; bài sẽ phải được duyệt lại."
              : "Đã lưu nháp.";
        await kept.forget();
        if (!post)
          navigate(`/staff/posts/${encodeURIComponent(saved.id)}`, {
            replace: true,
            animate: false,
            state: { notice },
          });
        else onSaved?.(saved, notice);
      } catch (reason) {
        if (!(reason instanceof ApiError && reason.fields.length > 0)) throw reason;
        // "body.poll.options.1.label" belongs to the poll; a field the form does not show is said in words.
        const marked = reason.fields.map((f) => ({
          key: f.field.replace(/^body\./, "").split(".")[0] ?? "",
          message: f.message,
        }));
        setErrors(
          Object.fromEntries(marked.filter((f) => formFields.has(f.key)).map((f) => [f.key, f.message])),
        );
        const unshown = marked.filter((f) => !formFields.has(f.key)).map((f) => f.message);
        throw new Error(unshown.length > 0 ? unshown.join(" ") : "Vui lòng sửa các mục được đánh dấu.");
      }
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    act(canSubmit ? "submit" : "save");
  };

  return (
    <div className="editor-layout">
      <form className="staff-card form-stack" onSubmit={onSubmit} noValidate aria-label="Biểu mẫu bài viết">
        {post && (
          <p className="muted">
            Trạng thái:{" "}
            <span className={`status-pill status-${post.status}`}>
              {postStatusLabels[post.status] ?? post.status}
            </span>{" "}
            · Phiên bản {post.version} · Cập nhật{" "}
            <time dateTime={post.updatedAt}>{formatDateTime(post.updatedAt)}</time>
          </p>
        )}
        {kept.restoredAt && (
          <p className="hint-box" role="status">
            Đã khôi phục nội dung bạn gõ lúc {formatDateTime(kept.restoredAt)} mà chưa lưu.
          </p>
        )}
        {post?.status === "rejected" && post.rejectionReason && (
          <div className="hint-box" role="note" aria-label="Lý do bị từ chối">
            <p>
              <strong>Lãnh đạo đã từ chối bài này:</strong> {post.rejectionReason}
            </p>
            <p>Sửa theo góp ý rồi bấm “Gửi duyệt” để gửi lại.</p>
          </div>
        )}
        <div className="field">
          <label htmlFor="post-kind">Loại bài</label>
          <select
            id="post-kind"
            value={draft.kind}
            disabled={post !== null || !isEditable}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value as PostKind })}
          >
            {postKinds.map((kind) => (
              <option key={kind} value={kind}>
                {postKindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <PostFields
          draft={draft}
          errors={errors}
          isEditable={isEditable}
          isNew={post === null}
          onChange={setDraft}
        />
        {needsApprovalAgain && isEditable && (
          <p className="hint-box">
            Bài đã được duyệt: sửa nội dung thì bài phải được duyệt lại, và các đợt gửi đã lên lịch sẽ bị hủy
            (đợt đang gửi vẫn gửi phiên bản đã duyệt).
          </p>
        )}
        {!isEditor && <p className="hint-box">Chỉ cán bộ biên tập mới sửa được bài viết.</p>}
        <ActionError message={problem ?? error} />
        <div className="action-row">
          {isEditable && (
            <Button
              variant="secondary"
              loading={pending === "save"}
              disabled={pending !== null || (post !== null && !isDirty)}
              onClick={() => act("save")}
            >
              {post && !submittableStatuses.includes(post.status) ? "Lưu thay đổi" : "Lưu nháp"}
            </Button>
          )}
          {canSubmit && (
            <Button htmlType="submit" loading={pending === "submit"} disabled={pending !== null}>
              Gửi duyệt
            </Button>
          )}
          {canSchedule && !isDirty && (
            <Button onClick={() => navigate(`/staff/posts/${encodeURIComponent(post.id)}/broadcast`)}>
              Lên lịch gửi
            </Button>
          )}
        </div>
      </form>
      <MessagePreview
        postId={post?.id ?? null}
        content={{
          title: draft.title,
          summary: draft.summary.trim() || null,
          body: draft.body,
          imageUrl: draft.imageUrl.trim() || null,
        }}
      />
    </div>
  );
}
