import { randomBytes } from "node:crypto";
import { startRuntime } from "@loa-phuong/bot-server/runtime";
import { queryRows, tables } from "@loa-phuong/bot-server/store";
import { buildResident, buildSchool, buildStaff } from "@loa-phuong/bot-server/testing";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { ApiClient } from "../e2e/support/api-client.js";
import { residentClient } from "../e2e/support/residents.js";
import { type Stack, startStack } from "../e2e/support/stack.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { approvedPost, seedWard, WARD, waitForBroadcastDone } from "../e2e/support/ward.js";
import { changedTables, fingerprint } from "./fingerprint.js";

export type Who = "anonymous" | "resident" | "head" | "editor" | "approver" | "admin";
export const everyone: Who[] = ["anonymous", "resident", "head", "editor", "approver", "admin"];
type StaffWho = "editor" | "approver" | "admin";

/** A caller the fuzzer sends requests as: a session (bearer token) and, for staff, a second one as a cookie. */
export interface Identity {
  who: Exclude<Who, "anonymous">;
  token: string;
  /** Staff: the `loa_session` value set by POST /api/auth/staff/login (a session of its own). */
  cookieToken?: string;
  account?: { username: string; password: string };
  residentId?: string;
  idByApp?: string;
}

/** Everything the fuzzer knows about the ward it attacks. */
export interface FuzzWorld {
  stack: Stack;
  identities: Record<Exclude<Who, "anonymous">, Identity>;
  /** The head's group (relay tasks and members are theirs). */
  headGroupId: string;
  /** Accounts the fuzzer signs in to with a password (never one of the identities: ten sessions each). */
  loginAccounts: Array<{ username: string; password: string }>;
  /** Zalo users (ids by app) the fuzzer signs in with: residents of the ward, and newcomers unknown to it. */
  zaloResidents: string[];
  zaloNewcomers: string[];
  /** A Zalo user linked to a staff account (POST /api/auth/staff/zalo signs them in). */
  zaloStaff: string;
  /** OA ids of residents (webhook senders). */
  oaUsers: string[];
  /** A small photo the server takes (decoded and encoded again). */
  photo: Buffer;
  stop(): Promise<void>;
}

/** A private address per sign-in, so the per-address login limit never shuts the fuzzer's own logins out. */
export const someAddress = () => `10.${[...randomBytes(3)].join(".")}`;

/** Staff sign-in by password: the bearer token from the answer, or the cookie from set-cookie. */
export async function staffLogin(
  stack: Stack,
  account: { username: string; password: string },
  as: "token" | "cookie",
): Promise<string> {
  const res = await fetch(`${stack.url}/api/auth/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": someAddress() },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token)
    throw new Error(`staff login failed: ${res.status} ${JSON.stringify(body)}`);
  if (as === "token") return body.token;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("loa_session="));
  if (!cookie) throw new Error("staff login set no loa_session cookie");
  return decodeURIComponent(cookie.slice("loa_session=".length));
}

async function staffIdentity(stack: Stack, who: StaffWho): Promise<Identity> {
  const { username, password } = await buildStaff(stack.runtime.store.db, WARD, [who]);
  const account = { username, password };
  return {
    who,
    account,
    token: await staffLogin(stack, account, "token"),
    cookieToken: await staffLogin(stack, account, "cookie"),
  };
}

/** A resident (or a confirmed head) of the group, with a phone in Zalo, signed in to the Mini App API. */
export async function residentIdentity(
  stack: Stack,
  who: "resident" | "head",
  groupId: string,
): Promise<Identity> {
  const r = await residentClient(stack, { groupId, head: who === "head", phone: "84912345678" });
  return { who, token: r.client.token!, residentId: r.residentId, idByApp: r.idByApp };
}

async function expectOk(what: string, res: { status: number; body: unknown }) {
  if (res.status >= 300)
    throw new Error(`seeding: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/**
 * Starts the simulator and the API without workers on real Redis and PGlite, then seeds a ward with
 * workers of a second runtime on the same store (a broadcast must fan out to make deliveries and
 * relay tasks), stops those workers and waits until nothing more arrives: from then on only the
 * fuzzer's requests change the store.
 */
export async function startFuzzWorld(): Promise<FuzzWorld> {
  const stack = await startStack({ worker: false });
  try {
    return await seed(stack);
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

async function seed(stack: Stack): Promise<FuzzWorld> {
  const db = stack.runtime.store.db;
  const workers = await startRuntime(stack.config, {
    api: false,
    worker: true,
    store: stack.runtime.store,
    logger: stack.runtime.logger,
  });
  let stopped = false;
  const stopWorkers = async () => {
    if (stopped) return;
    stopped = true;
    await workers.stop();
  };
  try {
    const ward = await seedWard(stack, { groups: 3, perGroup: 3 });
    const [g0, g1] = ward.groupIds as [string, string];
    await buildSchool(db, WARD, { name: "Trường Tiểu học Hồng Bàng" });
    await buildSchool(db, WARD, { name: "Trường THCS Hồng Bàng", level: "thcs" });
    await db.insert(tables.campaigns).values({
      wardId: WARD,
      title: "Thực hiện Thông báo 144-TB/TU",
      directives: [],
      themes: ["giáo dục"],
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });

    const identities = {
      resident: await residentIdentity(stack, "resident", g0),
      head: await residentIdentity(stack, "head", g0),
      editor: await staffIdentity(stack, "editor"),
      approver: await staffIdentity(stack, "approver"),
      admin: await staffIdentity(stack, "admin"),
    };
    const loginAccounts: FuzzWorld["loginAccounts"] = [];
    for (const roles of [["editor"], ["approver"], ["admin"], ["editor", "approver"]] as const) {
      const { username, password } = await buildStaff(db, WARD, [...roles]);
      loginAccounts.push({ username, password });
    }

    // A staff member who signs in inside Zalo: their Zalo account linked to their ward account.
    const zaloStaff = `59${Date.now()}`.slice(0, 18);
    stack.sim.upsertUsers([
      {
        idByApp: zaloStaff,
        idByOa: `69${zaloStaff.slice(2)}`,
        name: "Cán bộ Zalo",
        isFollower: true,
        lastInteractionAt: Date.now(),
      },
    ]);
    const linked = new ApiClient(stack.url);
    linked.token = await staffLogin(stack, await buildStaff(db, WARD, ["editor"]), "token");
    await expectOk(
      "zalo-link",
      await linked.request("POST", "/api/staff/me/zalo-link", {
        accessToken: stack.sim.issueUserAccessToken(zaloStaff),
      }),
    );
    // Zalo users the ward does not know yet: their first sign-in makes them residents.
    const zaloNewcomers = Array.from({ length: 4 }, (_, i) => `58${Date.now()}${i}`.slice(0, 18));
    stack.sim.upsertUsers(
      zaloNewcomers.map((idByApp) => ({
        idByApp,
        idByOa: `68${idByApp.slice(2)}`,
        name: `Người mới ${idByApp.slice(-3)}`,
        isFollower: false,
        lastInteractionAt: Date.now() - 86_400_000,
      })),
    );

    // Posts in every state the API shows: approved (one a poll), submitted, drafts, rejected.
    const editor = new ApiClient(stack.url);
    editor.token = identities.editor.token;
    const approver = new ApiClient(stack.url);
    approver.token = identities.approver.token;
    const news = await approvedPost(ward, { title: "Lịch tiêm chủng mở rộng tháng này" });
    const urgent = await approvedPost(ward, { title: "Thông báo cắt điện khẩn", isUrgent: true });
    const later = await approvedPost(ward, { title: "Hội nghị phụ huynh học sinh", kind: "news" });
    const poll = await expectOk(
      "poll post",
      await ward.editor.request("POST", "/api/posts", {
        kind: "poll",
        title: "Khảo sát giờ đón trẻ",
        body: "Phụ huynh chọn khung giờ đón trẻ thuận tiện.",
        poll: {
          question: "Khung giờ nào thuận tiện?",
          options: [
            { id: "a", label: "16:30" },
            { id: "b", label: "17:00" },
            { id: "c", label: "17:30" },
          ],
        },
      }),
    );
    await expectOk("submit poll", await ward.editor.request("POST", `/api/posts/${poll.id}/submit`));
    await expectOk(
      "approve poll",
      await ward.approver.request("POST", `/api/posts/${poll.id}/approve`, { version: 1 }),
    );
    for (const title of ["Bản nháp tin tổ dân phố", "Bản nháp gương người tốt"])
      await expectOk(
        "draft",
        await editor.request("POST", "/api/posts", { kind: "news", title, body: `${title}.` }),
      );
    for (const title of ["Tin chờ duyệt", "Tin sẽ bị trả lại"]) {
      const post = await expectOk(
        "post",
        await editor.request("POST", "/api/posts", { kind: "announcement", title, body: `${title}.` }),
      );
      await expectOk("submit", await editor.request("POST", `/api/posts/${post.id}/submit`));
      if (title.includes("trả lại"))
        await expectOk(
          "reject",
          await approver.request("POST", `/api/posts/${post.id}/reject`, { reason: "Thiếu ngày" }),
        );
    }

    // Broadcasts: two sent now (fan-out, deliveries, relay tasks for the head), one later, one recurring.
    const wholeWard = { include: [{ wholeWard: true }] };
    const sentIds: string[] = [];
    for (const postId of [poll.id, news])
      sentIds.push(
        (
          await expectOk(
            "broadcast",
            await ward.editor.request("POST", "/api/broadcasts", { postId, audience: wholeWard }),
          )
        ).id as string,
      );
    await expectOk(
      "scheduled broadcast",
      await ward.editor.request("POST", "/api/broadcasts", {
        postId: later,
        audience: { include: [{ residentialGroupIds: [g1] }] },
        scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      }),
    );
    await expectOk(
      "recurring schedule",
      await ward.editor.request("POST", "/api/broadcast-schedules", {
        postId: urgent,
        audience: wholeWard,
        recurrence: { kind: "weekly", weekdays: [1, 4], time: "07:30" },
      }),
    );
    for (const id of sentIds) await waitForBroadcastDone(stack, id);

    // What residents send back: a report with a photo, a nomination, a question, an opinion report, an OA message.
    const resident = new ApiClient(stack.url);
    resident.token = identities.resident.token;
    const head = new ApiClient(stack.url);
    head.token = identities.head.token;
    const photo = await sharp({ create: { width: 4, height: 3, channels: 3, background: "#c0392b" } })
      .png()
      .toBuffer();
    const upload = await fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${resident.token}`, "content-type": "image/png" },
      body: photo,
    });
    const uploaded = (await upload.json()) as { id: string };
    if (upload.status !== 201)
      throw new Error(`seeding: upload answered ${upload.status} ${JSON.stringify(uploaded)}`);
    const uploadId = uploaded.id;
    await expectOk(
      "report",
      await resident.request("POST", "/api/reports", {
        text: "Đèn đường ngõ 12 hỏng",
        uploadIds: [uploadId],
      }),
    );
    await expectOk(
      "nomination",
      await resident.request("POST", "/api/nominations", {
        who: "Cô Lan",
        where: "Tổ 1",
        why: "Dạy học miễn phí",
      }),
    );
    await expectOk(
      "question",
      await resident.request("POST", `/api/feed/${poll.id}/questions`, {
        kind: "question",
        text: "Có xe đưa đón không?",
      }),
    );
    await expectOk(
      "opinion report",
      await head.request("POST", "/api/head/opinion-reports", {
        mood: "positive",
        topics: ["học phí"],
        summary: "Bà con đồng tình với kế hoạch.",
      }),
    );
    await stack.sim.sendUserText(ward.residents[0]!.zaloOaUserId, "Xin chào phường, ngõ tôi bị ngập.");
    // Someone who asked to join the head's group and waits for the head.
    const newcomer = await residentClient(stack, { inStore: false });
    await expectOk(
      "onboarding",
      await newcomer.client.request("POST", "/api/me/onboarding", { residentialGroupId: g0, consent: true }),
    );
    for (let k = 0; k < 6; k++)
      await buildResident(db, WARD, { residentialGroupId: g0, membershipStatus: "pending" });

    // Wait until every receipt and message Zalo sends has been recorded and applied, then stop the workers.
    await waitFor(
      async () => {
        const { queued, inFlight } = stack.sim.stats().webhooks;
        if (queued + inFlight > 0) return false;
        const [open] = await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from webhook_events where processed_at is null and set_aside_at is null`,
        );
        return open!.n === 0;
      },
      { timeoutMs: 30_000, what: "webhooks to settle" },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stopWorkers();
    await waitFor(() => stack.sim.stats().webhooks.queued + stack.sim.stats().webhooks.inFlight === 0, {
      timeoutMs: 10_000,
      what: "simulator webhooks to stop",
    });

    // Events that kept failing, set aside for admins (each put back at most once).
    await db.insert(tables.webhookEvents).values(
      Array.from({ length: 8 }, (_, k) => ({
        dedupeKey: `fuzz-${randomBytes(8).toString("hex")}`,
        eventName: "user_send_text",
        rawBody: JSON.stringify({
          event_name: "user_send_text",
          sender: { id: String(k) },
          timestamp: String(Date.now()),
        }),
        attempts: 3,
        failures: 3,
        lastError: "resident not found",
        setAsideAt: new Date(),
      })),
    );

    // From here on nothing but the fuzzer's requests may change the store: wait until it is still.
    await waitFor(
      async () => {
        const first = await fingerprint(db);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return changedTables(first, await fingerprint(db)).length === 0;
      },
      { timeoutMs: 15_000, what: "the store to be still" },
    );

    return {
      stack,
      identities,
      headGroupId: g0,
      loginAccounts,
      zaloResidents: ward.residents.map((r) => r.zaloAppUserId),
      zaloNewcomers,
      zaloStaff,
      oaUsers: ward.residents.map((r) => r.zaloOaUserId),
      photo,
      stop: async () => {
        await stopWorkers();
        await stack.stop();
      },
    };
  } catch (error) {
    await stopWorkers();
    throw error;
  }
}
