import { isPushChannel, type PushChannel } from "@loa-phuong/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ChannelSettings,
  csState,
  type PlanOptions,
  type PlanResident,
  planChannels,
  poolOf,
  type QuotaPool,
} from "./planner.js";

const now = Date.UTC(2026, 11, 3, 3, 0);
const hour = 3_600_000;

const resident = (overrides: Partial<PlanResident> = {}): PlanResident => ({
  id: overrides.id ?? `r${Math.random()}`,
  hasOaId: false,
  isFollower: false,
  lastInteractionAt: null,
  canNotify: false,
  hasPhoneConsent: false,
  hasRelayHead: false,
  pushesToday: 0,
  notificationsToday: 0,
  ...overrides,
});

const allOn = { oa: true, article: true, notification: true, template: true, zbs_phone: true };
const settings = (overrides: Partial<ChannelSettings> = {}): ChannelSettings => ({
  enabled: allOn,
  stopped: new Set(),
  prices: { oaBilled: 55, article: 0, notification: 0, template: 165, zbsPhone: 300 },
  quotaLeft: { article: null, notification: null, zbs: null },
  notificationPerResidentPerDay: 1,
  dailyCap: 3,
  articleMinGain: 1,
  escalateAfterMinutes: 30,
  ...overrides,
});
const options = (overrides: Partial<PlanOptions> = {}): PlanOptions => ({
  now,
  isUrgent: false,
  wardWide: false,
  budgetVnd: null,
  excludePaid: false,
  ...overrides,
});

const follower = (sinceInteraction: number, extra: Partial<PlanResident> = {}) =>
  resident({ hasOaId: true, isFollower: true, lastInteractionAt: now - sinceInteraction, ...extra });

describe("planChannels", () => {
  it("sends a free CS message within 48 h, a billed one up to 7 days, and nothing by CS after", () => {
    const plan = planChannels(
      [
        follower(hour, { id: "fresh" }),
        follower(3 * 24 * hour, { id: "billed" }),
        follower(8 * 24 * hour, { id: "closed", hasRelayHead: true }),
      ],
      settings({ enabled: { ...allOn, template: false, zbs_phone: false } }),
      options(),
    );
    expect(plan.assignments.map((a) => [a.residentId, a.channel, a.costVnd, a.reason])).toEqual([
      ["fresh", "oa", 0, null],
      ["billed", "oa", 55, null],
      ["closed", "relay", 0, "outside_interaction_window"],
    ]);
    expect(plan.costVnd).toBe(55);
  });

  it("prefers a free Mini App notification to a billed CS message, and ZBS by UID to ZBS by phone", () => {
    const plan = planChannels(
      [
        follower(3 * 24 * hour, { id: "a", canNotify: true }),
        resident({ id: "b", hasOaId: true, hasPhoneConsent: true }),
        resident({ id: "c", hasPhoneConsent: true }),
      ],
      settings(),
      options(),
    );
    expect(plan.assignments.map((a) => a.channel)).toEqual(["notification", "template", "zbs_phone"]);
    expect(plan.costVnd).toBe(465);
  });

  it("uses the Article only for a ward-wide post, then for every follower and nothing else for them", () => {
    const people = [
      follower(hour, { id: "fresh", canNotify: true }),
      follower(10 * 24 * hour, { id: "silent" }),
      resident({ id: "phone", hasPhoneConsent: true }),
    ];
    const wide = planChannels(
      people,
      settings({ quotaLeft: { article: 1, notification: null, zbs: null } }),
      {
        ...options(),
        wardWide: true,
      },
    );
    expect(wide.assignments.map((a) => a.channel)).toEqual(["article", "article", "zbs_phone"]);
    expect(wide.quotaLeft.article).toBe(0);
    const groups = planChannels(people, settings(), options({ wardWide: false }));
    expect(groups.assignments.map((a) => a.channel)).toEqual(["oa", "template", "zbs_phone"]);
    const spent = planChannels(
      people,
      settings({ quotaLeft: { article: 0, notification: null, zbs: null } }),
      {
        ...options(),
        wardWide: true,
      },
    );
    expect(spent.byChannel.article).toBeUndefined();
  });

  it("gives a scarce quota to residents with no other way first", () => {
    const plan = planChannels(
      [
        follower(3 * 24 * hour, { id: "has-cs", hasPhoneConsent: true }),
        resident({ id: "phone-only", hasPhoneConsent: true }),
      ],
      settings({
        prices: { oaBilled: 400, article: 0, notification: 0, template: 165, zbsPhone: 300 },
        enabled: { ...allOn, template: false },
        quotaLeft: { article: null, notification: null, zbs: 1 },
      }),
      options(),
    );
    expect(plan.assignments.map((a) => a.channel)).toEqual(["oa", "zbs_phone"]);
  });

  it("says why nothing is pushed: paid channels excluded, budget, stopped channel, daily cap", () => {
    const phone = resident({ id: "p", hasPhoneConsent: true, hasRelayHead: true });
    const reason = (s: ChannelSettings, o: PlanOptions, r = phone) => planChannels([r], s, o).assignments[0];
    expect(reason(settings(), options({ excludePaid: true }))).toMatchObject({
      channel: "relay",
      reason: "paid_excluded",
    });
    expect(reason(settings(), options({ budgetVnd: 100 }))).toMatchObject({ reason: "budget" });
    expect(reason(settings({ stopped: new Set(["zbs_phone"]) }), options())).toMatchObject({
      reason: "channel_stopped",
    });
    expect(reason(settings(), options(), { ...phone, pushesToday: 3 })).toMatchObject({
      reason: "daily_cap",
    });
    expect(reason(settings(), options({ isUrgent: true }), { ...phone, pushesToday: 3 })).toMatchObject({
      channel: "zbs_phone",
    });
    const nobody = planChannels([resident({ id: "n" })], settings(), options());
    expect(nobody.assignments[0]).toMatchObject({ channel: "feed", reason: "not_follower" });
    expect(nobody.unreachable).toEqual([{ reason: "not_follower", count: 1 }]);
  });

  it("estimates escalation for urgent posts: pushed by another channel, phone consent, within budget", () => {
    const plan = planChannels(
      [follower(hour, { hasPhoneConsent: true }), follower(hour), resident({ hasPhoneConsent: true })],
      settings({ enabled: { ...allOn, template: false } }),
      options({ isUrgent: true, budgetVnd: 400 }),
    );
    // The third goes by phone straight away (300 đ); 100 đ is left, less than one escalation.
    expect(plan.escalation).toEqual({ afterMinutes: 30, residents: 0, maxCostVnd: 0 });
    const roomy = planChannels(
      [follower(hour, { hasPhoneConsent: true }), follower(hour)],
      settings(),
      options({ isUrgent: true }),
    );
    expect(roomy.escalation).toEqual({ afterMinutes: 30, residents: 1, maxCostVnd: 300 });
  });
});

const residentArb = fc.record({
  hasOaId: fc.boolean(),
  isFollower: fc.boolean(),
  lastInteractionAt: fc.option(fc.integer({ min: 0, max: 10 * 24 }).map((h) => now - h * hour)),
  canNotify: fc.boolean(),
  hasPhoneConsent: fc.boolean(),
  hasRelayHead: fc.boolean(),
  pushesToday: fc.integer({ min: 0, max: 4 }),
  notificationsToday: fc.integer({ min: 0, max: 2 }),
});
const quotaArb = fc.option(fc.integer({ min: 0, max: 30 }));
const channelArb = fc.constantFrom<PushChannel>("oa", "article", "notification", "template", "zbs_phone");

describe("planChannels (property)", () => {
  it("never exceeds a quota or the budget, pushes at most once, and misses nobody it could reach", () => {
    fc.assert(
      fc.property(
        fc.array(residentArb, { maxLength: 80 }),
        fc.record({
          article: quotaArb,
          notification: quotaArb,
          zbs: quotaArb,
        }),
        fc.record({
          oaBilled: fc.integer({ min: 0, max: 500 }),
          article: fc.integer({ min: 0, max: 5000 }),
          notification: fc.integer({ min: 0, max: 100 }),
          template: fc.integer({ min: 0, max: 500 }),
          zbsPhone: fc.integer({ min: 0, max: 800 }),
        }),
        fc.record({ enabled: fc.array(channelArb), stopped: fc.array(channelArb) }),
        fc.record({
          isUrgent: fc.boolean(),
          wardWide: fc.boolean(),
          budgetVnd: fc.option(fc.integer({ min: 0, max: 20_000 })),
          excludePaid: fc.boolean(),
        }),
        (raw, quotaLeft, prices, channels, opts) => {
          const people = raw.map((r, i) => ({ ...r, id: `r${i}` }));
          const enabled = Object.fromEntries(
            (["oa", "article", "notification", "template", "zbs_phone"] as const).map((c) => [
              c,
              !channels.enabled.includes(c),
            ]),
          ) as ChannelSettings["enabled"];
          const s = settings({ quotaLeft, prices, enabled, stopped: new Set(channels.stopped) });
          const o = options(opts);
          const plan = planChannels(people, s, o);

          // One assignment per resident, in order.
          expect(plan.assignments.map((a) => a.residentId)).toEqual(people.map((p) => p.id));
          // Quotas: what each pool gave out is no more than it had.
          const used: Record<QuotaPool, number> = { article: 0, notification: 0, zbs: 0 };
          for (const a of plan.assignments) {
            if (!isPushChannel(a.channel)) continue;
            const pool = poolOf[a.channel];
            if (pool && pool !== "article") used[pool]++;
          }
          if (plan.byChannel.article) used.article = 1;
          for (const pool of ["article", "notification", "zbs"] as const) {
            if (quotaLeft[pool] !== null) expect(used[pool]).toBeLessThanOrEqual(quotaLeft[pool]);
          }
          // Budget and paid channels.
          if (o.budgetVnd !== null) expect(plan.costVnd).toBeLessThanOrEqual(o.budgetVnd);
          if (o.excludePaid) expect(plan.costVnd).toBe(0);
          for (const a of plan.assignments) {
            const r = people.find((p) => p.id === a.residentId)!;
            if (isPushChannel(a.channel)) {
              expect(s.enabled[a.channel]).toBe(true);
              expect(s.stopped.has(a.channel)).toBe(false);
            }
            // Eligibility: Zalo's rules per channel.
            if (a.channel === "oa") expect(csState(r, now)).not.toBe("closed");
            if (a.channel === "article") expect(o.wardWide && r.isFollower && r.hasOaId).toBe(true);
            if (a.channel === "notification") expect(r.canNotify).toBe(true);
            if (a.channel === "template") expect(r.hasOaId).toBe(true);
            if (a.channel === "zbs_phone") expect(r.hasPhoneConsent).toBe(true);
            if (a.channel === "relay") expect(r.hasRelayHead).toBe(true);
            // Nobody missed: with no quota, budget or cap in the way, whoever has an open channel gets a push.
            const open =
              (s.enabled.oa && !s.stopped.has("oa") && csState(r, now) === "free") ||
              (s.enabled.notification &&
                !s.stopped.has("notification") &&
                r.canNotify &&
                r.notificationsToday < 1 &&
                (!o.excludePaid || prices.notification === 0) &&
                quotaLeft.notification === null &&
                (prices.notification === 0 || o.budgetVnd === null));
            const capped = !o.isUrgent && r.pushesToday >= 3;
            if (open && !capped) expect(isPushChannel(a.channel)).toBe(true);
            if (!isPushChannel(a.channel) && a.reason === "quota_exhausted") {
              // Only when a quota it could have used ran out in this plan.
              const q = plan.quotaLeft;
              expect(q.notification === 0 || q.zbs === 0).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
