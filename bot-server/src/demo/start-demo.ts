import type { Audience } from "@loa-phuong/shared";
import axios from "axios";
import { asc, eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import type { Queues } from "../queue/queues.js";
import { createBroadcast } from "../services/broadcasts.js";
import { approvePost, createPost, submitPost } from "../services/posts.js";
import type { StaffActor } from "../services/staff.js";
import type { Db } from "../store/database.js";
import { broadcasts, campaigns, residentialGroups, residents } from "../store/schema/index.js";
import type { OaTokenStore } from "../zalo/oa-token-store.js";
import { demoPosts, demoStaff, demoWard } from "./hong-bang.js";
import { demoStaffIds, seedDemoWard } from "./seed.js";

/**
 * Demo mode: seed the ward, tell the Zalo simulator who the residents are (in production they exist
 * in Zalo already), take OA tokens from it (standing in for the OA consent step), and on the first
 * start send the demo posts through the real approve → schedule → deliver path.
 */
export async function startDemo(ctx: {
  config: Config;
  logger: Logger;
  db: Db;
  queues: Queues;
  tokens: OaTokenStore;
}): Promise<void> {
  const seeded = await seedDemoWard(ctx.db);
  const sim = axios.create({ baseURL: ctx.config.ZALO_SIM_URL, timeout: 30_000 });

  const people = await ctx.db
    .select({
      name: residents.fullName,
      idByApp: residents.zaloAppUserId,
      idByOa: residents.zaloOaUserId,
      isFollower: residents.isFollower,
      lastInteractionAt: residents.lastInteractionAt,
      notificationsAllowed: residents.notificationsAllowed,
      group: residentialGroups.name,
    })
    .from(residents)
    .leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
    .where(eq(residents.wardId, demoWard.id))
    .orderBy(asc(residents.zaloAppUserId));
  const users = people
    .filter((p) => p.idByApp && p.idByOa)
    .map((p) => ({
      idByApp: p.idByApp!,
      idByOa: p.idByOa!,
      name: p.name,
      isFollower: p.isFollower,
      lastInteractionAt: p.lastInteractionAt?.getTime() ?? 0,
      tags: p.group ? [p.group] : [],
      phone: `8490${p.idByApp!.slice(-7)}`,
      notificationsAllowed: p.notificationsAllowed,
    }));
  // Zalo users who have not opened Loa Phường yet: signing in as one of them starts the onboarding.
  const newcomers = Array.from({ length: 5 }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return {
      idByApp: `5299${n.padStart(14, "0")}`,
      idByOa: `6299${n.padStart(14, "0")}`,
      name: `Người dùng mới ${n}`,
      isFollower: false,
      lastInteractionAt: 0,
      tags: [],
      phone: `849100000${n}`,
    };
  });
  // Newcomers first: the persona picker lists them at the top, where a first visitor looks.
  await sim.post("/__sim/users", { users: [...newcomers, ...users] });
  const { data: tokens } = await sim.post<{
    access_token: string;
    refresh_token: string;
    expires_in: string;
  }>("/__sim/oa/tokens");
  await ctx.tokens.save({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresInSec: Number(tokens.expires_in),
  });
  ctx.logger.info({ residents: users.length, seeded }, "demo ward ready in the Zalo simulator");

  const [anyBroadcast] = await ctx.db.select({ id: broadcasts.id }).from(broadcasts).limit(1);
  if (anyBroadcast) return;
  await sendDemoPosts(ctx);
}

async function sendDemoPosts(ctx: { config: Config; logger: Logger; db: Db; queues: Queues }): Promise<void> {
  const ids = await demoStaffIds(ctx.db);
  const actor = (username: string): StaffActor => ({
    id: ids.get(username)!,
    wardId: demoWard.id,
    roles: demoStaff.find((s) => s.username === username)!.roles,
  });
  const editor = actor("bientap");
  const approver = actor("lanhdao");
  const [campaign] = await ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.wardId, demoWard.id))
    .limit(1);
  const groups = await ctx.db
    .select({ id: residentialGroups.id })
    .from(residentialGroups)
    .where(eq(residentialGroups.wardId, demoWard.id))
    .orderBy(asc(residentialGroups.code));
  for (const post of demoPosts) {
    const created = await createPost(ctx.db, editor, {
      kind: post.kind,
      title: post.title,
      summary: post.summary,
      body: post.body,
      isUrgent: post.isUrgent ?? false,
      ...(post.poll ? { poll: post.poll } : {}),
      ...(campaign ? { campaignId: campaign.id } : {}),
    });
    await submitPost(ctx.db, editor, created.id);
    await approvePost(ctx.db, approver, created.id, created.version);
    const audience: Audience =
      post.audience === "ward"
        ? { include: [{ wholeWard: true }], exclude: [] }
        : {
            include: [{ residentialGroupIds: groups.slice(0, post.audience.firstGroups).map((g) => g.id) }],
            exclude: [],
          };
    await createBroadcast(
      {
        db: ctx.db,
        queues: ctx.queues,
        onEnqueueError: (err) => ctx.logger.warn({ err }, "demo broadcast not enqueued"),
      },
      editor,
      { postId: created.id, audience, excludePaidChannels: false },
    );
  }
  ctx.logger.info({ posts: demoPosts.length }, "demo posts approved and broadcast");
}
