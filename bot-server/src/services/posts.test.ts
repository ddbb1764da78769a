import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { auditLog, broadcasts, posts, postVersions } from "../store/schema/index.js";
import { buildStaff, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds, truncateAll } from "../testing/test-stores.js";
import { reviewPost } from "./post-versions.js";
import { approvePost, createPost, rejectPost, submitPost, updatePost } from "./posts.js";

describe.each(storeKinds)("post lifecycle on %s", (kind) => {
  let store: Store;
  let wardId: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store.close());
  beforeEach(async () => {
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
  });

  const draft = {
    kind: "announcement" as const,
    title: "Thông báo họp tổ",
    body: "Mời bà con dự họp lúc 19h30.",
    isUrgent: false,
  };

  it("goes draft → submitted → approved, freezing the approved version, with every step audited", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, draft);
    expect(post.status).toBe("draft");
    expect((await submitPost(store.db, editor, post.id)).status).toBe("submitted");
    const approved = await approvePost(store.db, approver, post.id, 1);
    expect(approved).toMatchObject({ status: "approved", approvedVersion: 1, approvedById: approver.id });
    const versions = await store.db.select().from(postVersions).where(eq(postVersions.postId, post.id));
    expect(versions.map((v) => v.title)).toEqual(["Thông báo họp tổ"]);
    const audit = await store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, post.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus, a.actorId])).toEqual([
      ["create", null, "draft", editor.id],
      ["submit", "draft", "submitted", editor.id],
      ["approve", "submitted", "approved", approver.id],
    ]);
    expect(new Set(audit.map((a) => a.contentHash)).size).toBe(1);
  });

  it("refuses approval by the author, even one who holds the approver role", async () => {
    const both = await buildStaff(store.db, wardId, ["editor", "approver"]);
    const post = await createPost(store.db, both, draft);
    await submitPost(store.db, both, post.id);
    await expect(approvePost(store.db, both, post.id, 1)).rejects.toMatchObject({ code: "self_approval" });
  });

  it("refuses approval by an editor-approver who rewrote another's post since its last approval", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const both = await buildStaff(store.db, wardId, ["editor", "approver"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, draft);
    await submitPost(store.db, editor, post.id);
    const rewritten = await updatePost(store.db, both, post.id, { body: "Họp lúc 23h, mang theo 500.000đ." });
    await expect(approvePost(store.db, both, post.id, rewritten.version)).rejects.toMatchObject({
      code: "self_approval",
    });
    // Another approver can; after that approval, the same account may approve the next edit by someone else.
    await approvePost(store.db, approver, post.id, rewritten.version);
    const next = await updatePost(store.db, editor, post.id, { body: "Họp lúc 19h30 tại nhà văn hóa." });
    expect((await approvePost(store.db, both, post.id, next.version)).status).toBe("approved");
  });

  it("refuses to approve a version the approver did not review", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, draft);
    await submitPost(store.db, editor, post.id);
    // The approver opened version 1; the editor changes it before the approver decides.
    await updatePost(store.db, editor, post.id, { body: "Họp lúc 23h, mang theo 500.000đ." });
    await expect(approvePost(store.db, approver, post.id, 1)).rejects.toMatchObject({ code: "conflict" });
    const [row] = await store.db.select().from(posts).where(eq(posts.id, post.id));
    expect(row).toMatchObject({ status: "submitted", approvedVersion: null });
  });

  it("refuses approval by an editor", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const other = await buildStaff(store.db, wardId, ["editor"]);
    const post = await createPost(store.db, editor, draft);
    await submitPost(store.db, editor, post.id);
    await expect(approvePost(store.db, other, post.id, 1)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("sends an edited approved post back for approval and cancels its scheduled broadcast", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, draft);
    await submitPost(store.db, editor, post.id);
    await approvePost(store.db, approver, post.id, 1);
    const [scheduled] = await store.db
      .insert(broadcasts)
      .values({
        wardId,
        postId: post.id,
        postVersion: 1,
        audience: { include: [{ wholeWard: true }], exclude: [] },
        scheduledAt: new Date(Date.now() + 3_600_000),
        createdById: editor.id,
      })
      .returning();
    const edited = await updatePost(store.db, editor, post.id, { body: "Đổi giờ họp sang 20h." });
    expect(edited).toMatchObject({ status: "submitted", version: 2, approvedVersion: 1 });
    const [after] = await store.db.select().from(broadcasts).where(eq(broadcasts.id, scheduled!.id));
    expect(after?.status).toBe("cancelled");
  });

  it("gives the approver every field of both versions: the poll and the urgency too", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const poll = {
      question: "Họp tổ vào giờ nào?",
      multiple: false,
      options: [
        { id: "a", label: "19 giờ" },
        { id: "b", label: "20 giờ" },
      ],
    };
    const post = await createPost(store.db, editor, { ...draft, kind: "poll", poll });
    await submitPost(store.db, editor, post.id);
    const fresh = await reviewPost(store.db, wardId, post.id);
    expect(fresh.lastApproved).toBeNull();
    expect(fresh.campaign).toBeNull();
    expect(fresh.submitted).toMatchObject({ version: 1, poll, isUrgent: false });
    await approvePost(store.db, approver, post.id, 1);
    const changedPoll = { ...poll, options: [...poll.options, { id: "c", label: "Sáng Chủ nhật" }] };
    const edited = await updatePost(store.db, editor, post.id, { poll: changedPoll, isUrgent: true });
    const review = await reviewPost(store.db, wardId, post.id);
    expect(review.submitted).toMatchObject({ version: edited.version, poll: changedPoll, isUrgent: true });
    // The approved version keeps what was approved then, though the row has changed since.
    expect(review.lastApproved).toMatchObject({ version: 1, poll, isUrgent: false });
  });

  it("records the reason of a rejection and lets the author resubmit", async () => {
    const editor = await buildStaff(store.db, wardId, ["editor"]);
    const approver = await buildStaff(store.db, wardId, ["approver"]);
    const post = await createPost(store.db, editor, draft);
    await submitPost(store.db, editor, post.id);
    await rejectPost(store.db, approver, post.id, "Cần ghi rõ địa điểm");
    await expect(approvePost(store.db, approver, post.id, 1)).rejects.toMatchObject({
      code: "invalid_transition",
    });
    expect((await submitPost(store.db, editor, post.id)).status).toBe("submitted");
  });
});
