import { tables } from "@loa-phuong/bot-server/store";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./support/chromium.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { seedWard, WARD } from "./support/ward.js";

const DAY = 86_400_000;
const THEME = "Ngập úng";
/** What residents of one group write within the hour, each in their own words. */
const BURST = [
  "Đường Lê Lợi đoạn trước chợ ngập nặng quá, xe máy không đi được",
  "duong le loi doan truoc cho ngap nang qua xe may ko di dc",
  "Mn ơi đường Lê Lợi ngập hết rồi, đoạn trước chợ nước lên tới đầu gối",
  "Lê Lợi trước chợ ngập sâu quá, xe chết máy hàng loạt",
  "le loi truoc cho ngap qua troi oi, ai di thi tranh nha",
  "Đoạn đường Lê Lợi gần chợ lại ngập rồi, phường xử lý giúp bà con",
  "duong Le Loi ngap nuoc truoc cho, nuoc sau lam",
  "Đường Lê Lợi ngập nặngggg quá mn ơi :((",
];

describe("the opinion dashboard, in a real browser", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("the dashboard shows a spike after a burst of messages from one group", async () => {
    const db = stack.runtime.store.db;
    const ward = await seedWard(stack, { groups: 2, perGroup: 6 });
    const [theme] = await db
      .insert(tables.opinionThemes)
      .values({ wardId: WARD, name: THEME, keywords: ["ngập", "ngap nuoc", "ngap"] })
      .returning();
    // Two quiet weeks: a message about floods every few days, in both groups, labelled as the labeller would.
    await db.insert(tables.signals).values(
      [2, 5, 9, 13].flatMap((daysAgo) =>
        ward.groupIds.map((groupId) => ({
          wardId: WARD,
          residentialGroupId: groupId,
          kind: "oa_message" as const,
          source: "zalo_oa" as const,
          text: "Hôm qua mưa to, đầu ngõ hơi ngập một chút",
          sentAt: new Date(Date.now() - daysAgo * DAY),
          sentiment: "neutral" as const,
          toxicity: "clean" as const,
          messageKind: "complaint" as const,
          themes: [theme!.id],
          labelledAt: new Date(),
        })),
      ),
    );

    // The burst: residents of group 1 write to the ward's OA (the simulator's webhooks, the real intake).
    const group1 = ward.residents.filter((r) => r.groupId === ward.groupIds[0]);
    for (const [i, text] of BURST.entries())
      await stack.sim.sendUserText(group1[i % group1.length]!.zaloOaUserId, text);
    // The labeller reads each message as it comes: wait until all carry the theme.
    await waitFor(
      async () => {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(tables.signals)
          .where(
            and(
              eq(tables.signals.residentialGroupId, ward.groupIds[0]!),
              isNotNull(tables.signals.labelledAt),
              sql`${theme!.id}::uuid = any(${tables.signals.themes})`,
              sql`${tables.signals.sentAt} > now() - interval '1 hour'`,
            ),
          );
        return (row?.n ?? 0) >= BURST.length;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: "the burst labelled with its theme" },
    );

    // The scheduled check, run now through the queue rather than waiting for its interval.
    await stack.runtime.queues.opinion.add("opinion.spikes", {}, { jobId: "opinion-spikes-now" });
    const alert = await waitFor(
      async () =>
        (await db.select().from(tables.staffAlerts).where(eq(tables.staffAlerts.kind, "opinion_spike")))[0],
      { timeoutMs: 30_000, intervalMs: 250, what: "the spike alert" },
    );
    expect(alert.message).toContain(
      `Chủ đề “${THEME}” ở Tổ dân phố số 1: ${BURST.length} tin trong 24 giờ qua`,
    );

    const staffAccount = await buildStaff(db, WARD, ["editor"]);
    const page = await browser.newPage({ viewport: { width: 320, height: 720 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${stack.url}/zapps/${stack.config.ZALO_MINI_APP_ID}/staff`);
    await page.getByLabel("Tên đăng nhập").fill(staffAccount.username);
    await page.getByLabel("Mật khẩu").fill(staffAccount.password);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    // The alert on the staff dashboard…
    await page.getByRole("list", { name: "Cảnh báo" }).getByText(alert.message).waitFor();
    // …and on the opinion dashboard, with the cluster of reworded messages and the group's day.
    await page.getByRole("link", { name: "Dư luận", exact: true }).click();
    await page.getByRole("heading", { name: "Dư luận", level: 1, exact: true }).waitFor();
    const spikes = page.getByRole("list", { name: "Chủ đề tăng đột biến" });
    await spikes.getByText(`${THEME} · Tổ dân phố số 1`).waitFor();
    await spikes.getByText(alert.message).waitFor();
    const cluster = page.getByRole("list", { name: "Cụm tin gần giống nhau" }).getByRole("article").first();
    await cluster.getByText(`${BURST.length} tin`, { exact: true }).waitFor();
    await cluster.getByText(/Tổ dân phố số 1 · từ \d\d:\d\d \d\d\/\d\d\/\d{4} đến/).waitFor();
    const groups = page.getByRole("list", { name: "Cảm xúc theo tổ dân phố" });
    await groups.getByText(new RegExp(`Tổ dân phố số 1: ${BURST.length + 4} tin`)).waitFor();
    await page
      .getByRole("figure", { name: `${THEME}: số tin theo ngày và cảm xúc` })
      .locator("svg")
      .first()
      .waitFor();
    // Nothing wider than a 320 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  });
});
