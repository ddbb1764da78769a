import { tables } from "@loa-phuong/bot-server/store";
import { buildGroup, buildResident, buildStaff, buildWard } from "@loa-phuong/bot-server/testing";
import { eq } from "drizzle-orm";
import { ApiClient } from "./api-client.js";
import type { Stack } from "./stack.js";
import { waitFor } from "./wait-for.js";

export const WARD = "hong-bang";

export interface SeededWard {
  groupIds: string[];
  residents: { id: string; zaloOaUserId: string; zaloAppUserId: string; groupId: string }[];
  editor: ApiClient;
  approver: ApiClient;
}

/**
 * A ward with groups of residents known to both the store and the simulator (followers, active an hour
 * ago unless told).
 */
export async function seedWard(
  stack: Stack,
  options: {
    groups?: number;
    perGroup?: number;
    resident?: (i: number) => {
      isFollower?: boolean;
      daysSinceInteraction?: number;
      /** Allowed Mini App notifications (in the store and at Zalo). */
      notificationsAllowed?: boolean;
      /** Gave this phone number (84…) with consent. */
      phone?: string;
      /** The group's head. */
      isHead?: boolean;
    };
  } = {},
): Promise<SeededWard> {
  const db = stack.runtime.store.db;
  await buildWard(db, { id: WARD });
  const groupIds: string[] = [];
  const residents: SeededWard["residents"] = [];
  let i = 0;
  for (let g = 0; g < (options.groups ?? 2); g++) {
    const group = await buildGroup(db, WARD, { name: `Tổ dân phố số ${g + 1}` });
    groupIds.push(group.id);
    for (let k = 0; k < (options.perGroup ?? 5); k++, i++) {
      const extra = options.resident?.(i) ?? {};
      const lastInteractionAt = new Date(
        Date.now() - (extra.daysSinceInteraction ?? 0) * 86_400_000 - 3_600_000,
      );
      const r = await buildResident(db, WARD, {
        residentialGroupId: group.id,
        isFollower: extra.isFollower ?? true,
        lastInteractionAt,
        notificationsAllowed: extra.notificationsAllowed ?? false,
        ...(extra.phone && { phone: extra.phone, phoneConsentedAt: new Date() }),
        ...(extra.isHead && { roles: [{ role: "group_head" as const }] }),
      });
      residents.push({
        id: r.id,
        zaloOaUserId: r.zaloOaUserId!,
        zaloAppUserId: r.zaloAppUserId!,
        groupId: group.id,
      });
      stack.sim.upsertUsers([
        {
          idByApp: r.zaloAppUserId!,
          idByOa: r.zaloOaUserId!,
          name: r.fullName,
          isFollower: r.isFollower,
          lastInteractionAt: lastInteractionAt.getTime(),
          notificationsAllowed: r.notificationsAllowed,
          ...(r.phone && { phone: r.phone }),
        },
      ]);
    }
  }
  const e = await buildStaff(db, WARD, ["editor"]);
  const a = await buildStaff(db, WARD, ["approver"]);
  return {
    groupIds,
    residents,
    editor: await new ApiClient(stack.url).loginStaff(e.username, e.password),
    approver: await new ApiClient(stack.url).loginStaff(a.username, a.password),
  };
}

/** Creates, submits and approves a post through the API; returns its id. */
export async function approvedPost(
  ward: SeededWard,
  post: { title: string; body?: string; isUrgent?: boolean; kind?: string },
): Promise<string> {
  const created = await ward.editor.request("POST", "/api/posts", {
    kind: post.kind ?? "announcement",
    body: post.body ?? `${post.title} — nội dung chi tiết.`,
    title: post.title,
    isUrgent: post.isUrgent ?? false,
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  await ward.editor.request("POST", `/api/posts/${created.body.id}/submit`);
  const approved = await ward.approver.request("POST", `/api/posts/${created.body.id}/approve`, {
    version: created.body.version,
  });
  if (approved.body.status !== "approved")
    throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  return created.body.id;
}

/** Waits until no delivery of the broadcast is pending or in flight and the broadcast has finished. */
export async function waitForBroadcastDone(stack: Stack, broadcastId: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const [b] = await stack.runtime.store.db
        .select()
        .from(tables.broadcasts)
        .where(eq(tables.broadcasts.id, broadcastId));
      return b && ["sent", "cancelled"].includes(b.status) ? b : undefined;
    },
    { timeoutMs, what: `broadcast ${broadcastId} to finish` },
  );
}

export async function deliveriesOf(stack: Stack, broadcastId: string) {
  return stack.runtime.store.db
    .select()
    .from(tables.deliveries)
    .where(eq(tables.deliveries.broadcastId, broadcastId));
}

/** Every simulated user's message count for messages carrying this post's link. */
export function ledgerCounts(stack: Stack, postId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of stack.sim.ledger.all()) {
    const text = JSON.stringify(e.body);
    if (!text.includes(`/post/${postId}`)) continue;
    counts.set(e.userIdByOa, (counts.get(e.userIdByOa) ?? 0) + 1);
  }
  return counts;
}
