import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { opinionThemes, signals, staffAlerts } from "../store/schema/index.js";
import { buildGroup, buildResident, buildWard } from "../testing/factories.js";
import { openTestStore, truncateAll } from "../testing/test-stores.js";
import { opinionCsv, opinionDashboard } from "./opinion-dashboard.js";
import { raiseOpinionSpikes } from "./opinion-spikes.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("opinion spikes and the dashboard over a real store", () => {
  let store: Store;
  let wardId: string;
  let themeId: string;
  let big: { id: string; name: string };
  let small: { id: string; name: string };
  const now = new Date("2025-10-20T05:00:00Z"); // 12:00 in the ward

  beforeAll(async () => {
    store = await openTestStore("pglite");
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
    big = await buildGroup(store.db, wardId, { name: "Tổ dân phố 7" });
    small = await buildGroup(store.db, wardId, { name: "Tổ dân phố 9" });
    for (let i = 0; i < 5; i++) await buildResident(store.db, wardId, { residentialGroupId: big.id });
    for (let i = 0; i < 4; i++) await buildResident(store.db, wardId, { residentialGroupId: small.id });
    const [theme] = await store.db
      .insert(opinionThemes)
      .values({ wardId, name: "Ngập úng", keywords: ["ngap"] })
      .returning();
    themeId = theme!.id;
  });

  /** Labelled messages about the theme from a group, `ago` before now. */
  async function say(
    groupId: string,
    count: number,
    ago: number,
    overrides: Partial<typeof signals.$inferInsert> = {},
  ) {
    await store.db.insert(signals).values(
      Array.from({ length: count }, (_, i) => ({
        wardId,
        residentialGroupId: groupId,
        kind: "oa_message" as const,
        source: "zalo_oa" as const,
        text: `Đường Lê Lợi ngập quá, lần ${i + 1}`,
        sentAt: new Date(now.getTime() - ago - i * 60_000),
        sentiment: "negative" as const,
        toxicity: "clean" as const,
        messageKind: "complaint" as const,
        themes: [themeId],
        labelledAt: now,
        ...overrides,
      })),
    );
  }

  it("raises one alert per theme × group × day for a burst, naming the theme, the group and the counts", async () => {
    await say(big.id, 2, 5 * DAY);
    await say(big.id, 9, 2 * HOUR);
    expect(await raiseOpinionSpikes(store.db, wardId, now)).toBe(1);
    // The next run the same day says nothing new.
    expect(await raiseOpinionSpikes(store.db, wardId, new Date(now.getTime() + 5 * 60_000))).toBe(0);
    const alerts = await store.db.select().from(staffAlerts).where(eq(staffAlerts.wardId, wardId));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.kind).toBe("opinion_spike");
    expect(alerts[0]?.message).toContain("“Ngập úng”");
    expect(alerts[0]?.message).toContain("Tổ dân phố 7");
    expect(alerts[0]?.message).toContain("9 tin trong 24 giờ qua");
    expect(alerts[0]?.message).toContain("(2 tin)");
  });

  it("says nothing when the group talks about the theme as much as usual", async () => {
    for (let day = 1; day <= 14; day++) await say(big.id, 8, day * DAY + HOUR);
    await say(big.id, 9, 2 * HOUR);
    expect(await raiseOpinionSpikes(store.db, wardId, now)).toBe(0);
  });

  it("never names a group under 5 residents in an alert or on the dashboard", async () => {
    await say(small.id, 9, 2 * HOUR);
    expect(await raiseOpinionSpikes(store.db, wardId, now)).toBe(1);
    const [alert] = await store.db.select().from(staffAlerts).where(eq(staffAlerts.wardId, wardId));
    expect(alert?.message).toContain("Các tổ dưới 5 người");
    expect(alert?.message).not.toContain("Tổ dân phố 9");

    const dashboard = await opinionDashboard(store.db, wardId, 7, now);
    expect(dashboard.byGroup.map((g) => g.label)).toEqual(["Các tổ dưới 5 người"]);
    expect(JSON.stringify(dashboard)).not.toContain("Tổ dân phố 9");
    expect(dashboard.spikes).toMatchObject([{ theme: "Ngập úng", group: "Các tổ dưới 5 người", recent: 9 }]);
    const csv = await opinionCsv(store.db, wardId, 7, now);
    expect(csv).not.toContain("Tổ dân phố 9");
  });

  it("counts sentiment by theme and group per ward day, clusters, toxic share and waiting questions", async () => {
    await say(big.id, 3, 2 * HOUR);
    await say(big.id, 1, DAY, {
      sentiment: "positive",
      themes: [],
      text: "Cảm ơn phường đã dọn rác sạch sẽ",
    });
    await say(small.id, 2, 3 * HOUR, {
      toxicity: "offensive",
      text: "Bọn cán bộ ăn hại, đường ngập cả tuần",
    });
    await say(big.id, 1, HOUR, { kind: "question", messageKind: "question", text: "Bao giờ hết ngập ạ?" });

    const dashboard = await opinionDashboard(store.db, wardId, 7, now);
    expect(dashboard.dates).toHaveLength(7);
    expect(dashboard.dates.at(-1)).toBe("20/10/2025");
    const flood = dashboard.byTheme.find((t) => t.label === "Ngập úng");
    expect(flood?.total).toBe(6);
    expect(flood?.byDay.at(-1)).toEqual({ negative: 6, neutral: 0, positive: 0 });
    const unthemed = dashboard.byTheme.find((t) => t.label === "Chưa phân loại");
    expect(unthemed?.byDay.at(-2)).toEqual({ negative: 0, neutral: 0, positive: 1 });
    expect(dashboard.byGroup.map((g) => [g.label, g.total])).toEqual([
      ["Tổ dân phố 7", 5],
      ["Các tổ dưới 5 người", 2],
    ]);
    expect(dashboard.totals).toMatchObject({ messages: 7, labelled: 7, toxic: 2 });
    expect(dashboard.totals.toxicShare).toBeCloseTo(2 / 7, 6);
    expect(dashboard.topClusters[0]).toMatchObject({ count: 3, groups: ["Tổ dân phố 7"], isToxic: false });
    expect(dashboard.questionsWaiting.count).toBe(1);
  });

  it("exports the labelled signals as CSV with a BOM, ward times and no words or ids", async () => {
    await say(big.id, 1, 2 * HOUR);
    const csv = await opinionCsv(store.db, wardId, 7, now);
    expect(csv.startsWith("\uFEFFThời gian,Tổ dân phố,")).toBe(true);
    expect(csv).toContain('20/10/2025 10:00,Tổ dân phố 7,Tin nhắn gửi OA,"Phàn nàn, phản ánh",Tiêu cực');
    expect(csv).toContain("Ngập úng");
    expect(csv).not.toContain("Lê Lợi");
  });
});
