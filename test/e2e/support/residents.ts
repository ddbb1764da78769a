import { buildResident } from "@loa-phuong/bot-server/testing";
import { ApiClient } from "./api-client.js";
import type { Stack } from "./stack.js";
import { WARD } from "./ward.js";

/** A resident known to the store and to Zalo (the simulator), signed in to the Mini App API. */
export async function residentClient(
  stack: Stack,
  options: {
    groupId?: string | null;
    head?: boolean;
    /** Appointed by the ward as a public-opinion collaborator (cộng tác viên dư luận xã hội). */
    collaborator?: boolean;
    daysSinceInteraction?: number;
    isFollower?: boolean;
    inStore?: boolean;
    phone?: string;
  } = {},
) {
  const lastInteractionAt = new Date(
    Date.now() - (options.daysSinceInteraction ?? 0) * 86_400_000 - 3_600_000,
  );
  const n = `${Date.now()}${Math.floor(Math.random() * 1e6)}`.slice(-14);
  let ids = { app: `53${n}`, oa: `63${n}` };
  let residentId: string | undefined;
  if (options.inStore !== false) {
    const r = await buildResident(stack.runtime.store.db, WARD, {
      residentialGroupId: options.groupId ?? null,
      membershipStatus: options.groupId ? "confirmed" : null,
      isFollower: options.isFollower ?? true,
      lastInteractionAt,
      consentedAt: new Date(),
      roles: [
        ...(options.head ? [{ role: "group_head" as const }] : []),
        ...(options.collaborator ? [{ role: "opinion_collaborator" as const }] : []),
      ],
    });
    ids = { app: r.zaloAppUserId!, oa: r.zaloOaUserId! };
    residentId = r.id;
  }
  stack.sim.upsertUsers([
    {
      idByApp: ids.app,
      idByOa: ids.oa,
      name: `Người dân ${n}`,
      isFollower: options.isFollower ?? true,
      lastInteractionAt: lastInteractionAt.getTime(),
      ...(options.phone ? { phone: options.phone } : {}),
    },
  ]);
  const client = new ApiClient(stack.url);
  const session = await client.request("POST", "/api/auth/zalo", {
    accessToken: stack.sim.issueUserAccessToken(ids.app),
  });
  if (session.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(session.body)}`);
  client.token = session.body.token;
  return {
    client,
    idByApp: ids.app,
    idByOa: ids.oa,
    residentId: residentId ?? (session.body.resident.id as string),
    profile: session.body.resident,
  };
}

/** A 1×1 red PNG that decodes (the server decodes and encodes every photo again). */
export const PNG_1PX = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489" +
    "0000000970485973000003e8000003e801b57b526b0000000d49444154089963f8cfc0f01f00050001ffabce3689" +
    "0000000049454e44ae426082",
  "hex",
);
