import { createHash } from "node:crypto";
import { queryRows } from "@loa-phuong/bot-server/store";
import { sql } from "drizzle-orm";
import { residentIdentity, someAddress, staffLogin, type Who } from "./fuzz-identities.js";
import type { FuzzWorld } from "./fuzz-world.js";

// ——— real values of the ward ———

export interface Pools {
  post: string[];
  /** Posts residents can read (a broadcast of them has started), approved, submitted, drafts. */
  feedPost: string[];
  approvedPost: string[];
  submittedPost: string[];
  draftPost: string[];
  postVersion: Map<string, number>;
  group: string[];
  school: string[];
  campaign: string[];
  upload: string[];
  relayRef: string[];
  relayTask: string[];
  broadcast: string[];
  schedule: string[];
  member: string[];
  signal: number[];
  webhookEvent: number[];
  msgId: string[];
}

export async function readPools(world: FuzzWorld): Promise<Pools> {
  const db = world.stack.runtime.store.db;
  const ids = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(db, query)).map((r) => r.id);
  const posts = await queryRows<{ id: string; version: number; status: string; started: boolean }>(
    db,
    sql`select id, version, status,
          exists (select 1 from broadcasts b where b.post_id = p.id and b.started_at is not null) as started
        from posts p order by created_at desc limit 100`,
  );
  const withStatus = (...statuses: string[]) =>
    posts.filter((p) => statuses.includes(p.status)).map((p) => p.id);
  return {
    post: posts.map((p) => p.id),
    feedPost: posts.filter((p) => p.started).map((p) => p.id),
    approvedPost: withStatus("approved"),
    submittedPost: withStatus("submitted"),
    draftPost: withStatus("draft", "rejected"),
    postVersion: new Map(posts.map((p) => [p.id, Number(p.version)])),
    group: await ids(sql`select id from residential_groups order by created_at`),
    school: await ids(sql`select id from schools order by created_at`),
    campaign: await ids(sql`select id from campaigns order by created_at`),
    upload: await ids(sql`select id from uploads order by created_at desc limit 50`),
    relayRef: await ids(sql`select ref as id from relay_tasks order by created_at`),
    relayTask: await ids(sql`select id from relay_tasks order by created_at`),
    broadcast: await ids(sql`select id from broadcasts order by created_at desc limit 50`),
    schedule: await ids(sql`select id from broadcast_schedules order by created_at desc limit 50`),
    member: await ids(
      sql`select id from residents
          order by (residential_group_id = ${world.headGroupId} and membership_status = 'pending') desc nulls last,
                   created_at desc
          limit 60`,
    ),
    signal: (await ids(sql`select id::text as id from signals order by id desc limit 50`)).map(Number),
    webhookEvent: (
      await ids(
        sql`select id::text as id from webhook_events order by set_aside_at desc nulls last, id desc limit 20`,
      )
    ).map(Number),
    msgId: await ids(
      sql`select zalo_message_id as id from deliveries where zalo_message_id is not null limit 50`,
    ),
  };
}

export const at = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

// ——— keeping the callers usable ———

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Checks, in the store, that every caller still has its sessions and a resident still is one (a head
 * still a confirmed head); signs in again or makes a new one where not. A caller named in `rotate`
 * used up a per-resident limit and is replaced. True when anything was redone (the store changed).
 */
export async function keepIdentities(world: FuzzWorld, rotate: Who | undefined): Promise<boolean> {
  const { stack, identities } = world;
  const db = stack.runtime.store.db;
  const all = Object.values(identities);
  const tokens = all.flatMap((i) => [i.token, ...(i.cookieToken ? [i.cookieToken] : [])]);
  const hashes = sql.join(
    tokens.map((t) => sql`${hashOf(t)}`),
    sql`, `,
  );
  const live = new Set(
    (
      await queryRows<{ h: string }>(
        db,
        sql`select token_hash as h from sessions where token_hash in (${hashes})`,
      )
    ).map((r) => r.h),
  );
  const residentIds = all.flatMap((i) => (i.residentId ? [i.residentId] : []));
  const rows = await queryRows<{
    id: string;
    app: string | null;
    status: string | null;
    group: string | null;
    head: boolean;
  }>(
    db,
    sql`select r.id, r.zalo_app_user_id as app, r.membership_status as status, r.residential_group_id as "group",
          exists (select 1 from resident_roles x where x.resident_id = r.id and x.role = 'group_head') as head
        from residents r where r.id in (${sql.join(
          residentIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  const residentRow = new Map(rows.map((r) => [r.id, r]));
  let changed = false;
  for (const identity of all) {
    if (identity.account) {
      if (!live.has(hashOf(identity.token))) {
        identity.token = await staffLogin(stack, identity.account, "token");
        changed = true;
      }
      if (identity.cookieToken && !live.has(hashOf(identity.cookieToken))) {
        identity.cookieToken = await staffLogin(stack, identity.account, "cookie");
        changed = true;
      }
      continue;
    }
    const who = identity.who as "resident" | "head";
    const row = residentRow.get(identity.residentId!);
    const usable =
      row?.app &&
      row.status === "confirmed" &&
      row.group === world.headGroupId &&
      (who === "resident" || row.head) &&
      rotate !== who;
    if (!usable) {
      const fresh = await residentIdentity(stack, who, world.headGroupId);
      Object.assign(identity, fresh);
      // The head's relay tasks follow the group's new head.
      if (who === "head")
        await db.execute(
          sql`update relay_tasks set head_resident_id = ${fresh.residentId}
              where residential_group_id = ${world.headGroupId}`,
        );
      changed = true;
    } else if (!live.has(hashOf(identity.token))) {
      const res = await fetch(`${stack.url}/api/auth/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": someAddress() },
        body: JSON.stringify({ accessToken: stack.sim.issueUserAccessToken(identity.idByApp!) }),
      });
      const body = (await res.json()) as { token?: string };
      if (!body.token) throw new Error(`resident sign-in failed: ${res.status} ${JSON.stringify(body)}`);
      identity.token = body.token;
      changed = true;
    }
  }
  return changed;
}
