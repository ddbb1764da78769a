import { randomBytes } from "node:crypto";
import { startRuntime } from "@loa-phuong/bot-server/runtime";
import { queryRows, tables } from "@loa-phuong/bot-server/store";
import { buildSchool, buildStaff } from "@loa-phuong/bot-server/testing";
import { sql } from "drizzle-orm";
import { ApiClient } from "../e2e/support/api-client.js";
import { type Stack, startStack } from "../e2e/support/stack.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { seedWard, WARD } from "../e2e/support/ward.js";
import { changedTables, fingerprint } from "./fingerprint.js";
import { type Identity, residentIdentity, staffIdentity, staffLogin, type Who } from "./fuzz-identities.js";
import { expectOk, seedPostsAndBroadcasts, seedResidentInput } from "./fuzz-seed.js";

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

    const { poll } = await seedPostsAndBroadcasts({ stack, ward, identities, g1 });
    const photo = await seedResidentInput({ stack, db, ward, identities, poll, g0 });

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
