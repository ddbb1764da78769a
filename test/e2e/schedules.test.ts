import { tables } from "@loa-phuong/bot-server/store";
import { jobIds, parseDailyWindow, queueNames, wardClock, windowEndIfInside } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, deliveriesOf, ledgerCounts, seedWard, waitForBroadcastDone } from "./support/ward.js";

const hhmm = (at: number) => {
  const c = wardClock(at);
  return `${String(c.hour).padStart(2, "0")}:${String(c.minute).padStart(2, "0")}`;
};

describe("schedules, quiet hours and the daily cap", () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it("keeps a weekly bulletin as a ward-time BullMQ job scheduler, rebuilt on reconcile, removed on stop", async () => {
    stack = await startStack();
    const ward = await seedWard(stack, { groups: 1, perGroup: 2 });
    const postId = await approvedPost(ward, { title: "Bản tin giáo dục hằng tuần", kind: "news" });
    const created = await ward.editor.request("POST", "/api/broadcast-schedules", {
      postId,
      audience: { include: [{ wholeWard: true }] },
      recurrence: { kind: "weekly", weekdays: [1], time: "07:30" },
    });
    expect(created.status).toBe(201);
    expect(created.body.pattern).toBe("30 7 * * 1");
    const queue = stack.runtime.queues[queueNames.broadcasts];
    const schedulerId = jobIds.recurringScheduler(created.body.id);
    const scheduler = await queue.getJobScheduler(schedulerId);
    expect(scheduler).toMatchObject({ pattern: "30 7 * * 1", tz: "Asia/Ho_Chi_Minh" });
    const next = wardClock(Number(scheduler!.next));
    expect([next.weekday, next.hour, next.minute]).toEqual([1, 7, 30]);

    // Redis loses it (a flush, a new Redis): the reconciler puts it back from the store.
    await queue.removeJobScheduler(schedulerId);
    expect(await queue.getJobScheduler(schedulerId)).toBeUndefined();
    const { reconcileQueues } = await import("@loa-phuong/bot-server/jobs");
    await reconcileQueues({
      db: stack.runtime.store.db,
      queues: stack.runtime.queues,
      logger: stack.runtime.logger,
      config: stack.config,
    });
    expect(await queue.getJobScheduler(schedulerId)).toMatchObject({ pattern: "30 7 * * 1" });

    expect(
      (await ward.editor.request("DELETE", `/api/broadcast-schedules/${created.body.id}`)).body.isActive,
    ).toBe(false);
    expect(await queue.getJobScheduler(schedulerId)).toBeUndefined();
  });

  it("turns each due occurrence into one broadcast of the approved version, skipped after a post edit", async () => {
    stack = await startStack();
    const ward = await seedWard(stack, { groups: 1, perGroup: 3 });
    const postId = await approvedPost(ward, { title: "Nhắc lịch họp phụ huynh" });
    const db = stack.runtime.store.db;
    const [me] = await db.select().from(tables.staffAccounts).limit(1);
    // Every second (a six-field pattern), to see several occurrences within one ward minute.
    const [schedule] = await db
      .insert(tables.broadcastSchedules)
      .values({
        wardId: "hong-bang",
        postId,
        audience: { include: [{ wholeWard: true }], exclude: [] },
        pattern: "* * * * * *",
        createdById: me!.id,
      })
      .returning();
    const { syncScheduler } = await import("@loa-phuong/bot-server/jobs");
    await syncScheduler(stack.runtime.queues, schedule!);
    const first = await waitFor(
      async () =>
        (await db.select().from(tables.broadcasts).where(eq(tables.broadcasts.scheduleId, schedule!.id)))[0],
      { what: "an occurrence" },
    );
    await waitForBroadcastDone(stack, first.id);
    expect(first.occurrenceKey).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect([...ledgerCounts(stack, postId).values()]).toEqual([1, 1, 1]);

    await ward.editor.request("PATCH", `/api/posts/${postId}`, {
      body: "Đổi nội dung, chưa được duyệt lại.",
    });
    await waitFor(
      async () => {
        const audit = await db
          .select()
          .from(tables.auditLog)
          .where(eq(tables.auditLog.action, "skip_occurrence"));
        return audit.length > 0;
      },
      { timeoutMs: 5000, what: "an occurrence skipped for the unapproved edit" },
    );
    await stack.runtime.queues[queueNames.broadcasts].removeJobScheduler(
      jobIds.recurringScheduler(schedule!.id),
    );
    const occurrences = await db
      .select()
      .from(tables.broadcasts)
      .where(eq(tables.broadcasts.scheduleId, schedule!.id));
    // At most one broadcast per ward minute, however often the scheduler fires.
    expect(new Set(occurrences.map((o) => o.occurrenceKey)).size).toBe(occurrences.length);
    expect([...ledgerCounts(stack, postId).values()].every((n) => n <= occurrences.length)).toBe(true);
  });

  it("holds a non-urgent broadcast during quiet hours until they end, and lets an urgent one through", async () => {
    const now = Date.now();
    const quietHours = `${hhmm(now - 3_600_000)}-${hhmm(now + 3_600_000)}`;
    stack = await startStack({ env: { QUIET_HOURS: quietHours } });
    const ward = await seedWard(stack, { groups: 1, perGroup: 3 });
    const calm = await approvedPost(ward, { title: "Tin thường" });
    const urgent = await approvedPost(ward, { title: "Khẩn: mất nước", isUrgent: true });
    const held = await ward.editor.request("POST", "/api/broadcasts", {
      postId: calm,
      audience: { include: [{ wholeWard: true }] },
    });
    const sent = await ward.editor.request("POST", "/api/broadcasts", {
      postId: urgent,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitForBroadcastDone(stack, sent.body.id);
    expect(ledgerCounts(stack, urgent).size).toBe(3);
    const job = await waitFor(
      async () => {
        const j = await stack!.runtime.queues[queueNames.broadcasts].getJob(jobIds.fanout(held.body.id));
        return j && (await j.isDelayed()) && j.attemptsStarted > 0 ? j : undefined;
      },
      { what: "the held fan-out to be delayed" },
    );
    const quietEnd = windowEndIfInside(parseDailyWindow(quietHours)!, now);
    expect(Math.abs(job.timestamp + (job.delay ?? 0) - quietEnd!.getTime())).toBeLessThan(2000);
    expect(ledgerCounts(stack, calm).size).toBe(0);
    const [row] = await stack.runtime.store.db
      .select()
      .from(tables.broadcasts)
      .where(eq(tables.broadcasts.id, held.body.id));
    expect(row!.status).toBe("scheduled");
  });

  it("caps non-urgent OA messages per resident a day; the rest wait in the feed, urgent posts bypass it", async () => {
    stack = await startStack({ env: { DAILY_CAP_PER_RESIDENT: "1" } });
    const ward = await seedWard(stack, { groups: 1, perGroup: 4 });
    const audience = { include: [{ wholeWard: true }] };
    const ids: string[] = [];
    const count = async (isUrgent: boolean) =>
      (await ward.editor.request("POST", "/api/audiences/count", { audience, isUrgent })).body;
    expect(await count(false)).toEqual({ recipients: 4, reachableByOa: 4, cappedToday: 0 });
    for (const post of [{ title: "Tin 1" }, { title: "Tin 2" }, { title: "Khẩn 3", isUrgent: true }]) {
      if (post.title === "Tin 2") {
        // The composer promises what the send will do: after one non-urgent message today, nobody more by OA…
        expect(await count(false)).toEqual({ recipients: 4, reachableByOa: 0, cappedToday: 4 });
        // …unless the post is urgent.
        expect(await count(true)).toEqual({ recipients: 4, reachableByOa: 4, cappedToday: 0 });
      }
      const postId = await approvedPost(ward, post);
      const res = await ward.editor.request("POST", "/api/broadcasts", { postId, audience });
      await waitForBroadcastDone(stack, res.body.id);
      ids.push(res.body.id);
    }
    const [first, second, third] = await Promise.all(ids.map((id) => deliveriesOf(stack!, id)));
    expect(first!.every((d) => d.status === "seen" || d.status === "delivered" || d.status === "sent")).toBe(
      true,
    );
    expect(
      second!.every((d) => d.status === "fallback" && d.errorCode === "daily_cap" && d.channel === "feed"),
    ).toBe(true);
    expect(third!.every((d) => d.channel === "oa" && d.status !== "fallback")).toBe(true);
  });
});
