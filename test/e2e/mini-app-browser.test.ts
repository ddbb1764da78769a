import { describe, expect, it } from "vitest";
import { useSystemAndBrowser } from "./support/browser.js";
import { waitFor } from "./support/wait-for.js";

const URGENT_TITLE = "Đính chính: không có khoản thu bắt buộc mới đầu học kỳ II";

describe("the Mini App served by npm start, in a real browser", () => {
  const running = useSystemAndBrowser();

  it("serves /health and prints where to open the Mini App and the simulator inbox", async () => {
    const health = await fetch(`http://127.0.0.1:${running.system.port}/health`);
    expect(health.status).toBe(200);
    expect(running.system.output()).toContain(
      `http://localhost:${running.system.port}/zapps/${running.system.miniAppId}/`,
    );
    expect(running.system.output()).toContain(`http://127.0.0.1:${running.system.simPort}/`);
  });

  it("lets a resident pick a persona and read the post addressed to their group", async () => {
    // The demo's urgent clarification goes out at start-up whatever the hour (quiet hours do not hold it).
    await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${running.system.simPort}/__sim/ledger/count`);
        return ((await res.json()) as { count: number }).count > 0;
      },
      { timeoutMs: 60_000, what: "the demo broadcast to reach the simulator" },
    );

    const page = await running.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`http://localhost:${running.system.port}/`);
    expect(new URL(page.url()).pathname).toBe(`/zapps/${running.system.miniAppId}/`);
    await page.getByRole("heading", { name: /Chọn người dân/ }).waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Tổ trưởng TDP số 1", exact: true }).click();

    const item = page.getByRole("link", { name: new RegExp(URGENT_TITLE) });
    await item.waitFor({ timeout: 20_000 });
    await item.click();
    await page.getByRole("heading", { level: 1, name: URGENT_TITLE }).waitFor({ timeout: 10_000 });
    await page
      .getByText("UBND phường khẳng định đây là thông tin không đúng sự thật", { exact: false })
      .first()
      .waitFor({ timeout: 10_000 });

    // A resident of a group the clarification did not address does not see it.
    await page.goto(`http://localhost:${running.system.port}/zapps/${running.system.miniAppId}/`);
    await page.getByRole("button", { name: /Đổi người dùng/ }).click();
    // The sign-in answers with the first page of the feed (one round trip on a slow link).
    const signedIn = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/zalo" && r.ok(), {
      timeout: 20_000,
    });
    await page.getByRole("button", { name: "Tổ trưởng TDP số 20", exact: true }).click();
    const { feed } = (await (await signedIn).json()) as { feed: { items: { title: string }[] } };
    expect(feed.items.map((i) => i.title)).not.toContain(URGENT_TITLE);
    await page
      .getByRole("heading", { name: /TDP số 20/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await expect(page.getByRole("link", { name: new RegExp(URGENT_TITLE) }).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
