import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { parseArgs } from "../bench/support/args.js";
import {
  findPersona,
  type SavedResidentSession,
  seedResidentSession,
  signInResident,
  signInStaff,
} from "../bench/support/demo-sessions.js";
import { snapshotBuild } from "../bench/support/mini-app-build.js";
import { ApiClient } from "../e2e/support/api-client.js";
import { launchChromium } from "../e2e/support/chromium.js";
import { type StartedSystem, startSystem } from "../e2e/support/npm-start.js";
import { waitFor } from "../e2e/support/wait-for.js";
import { type DemoData, PERSONAS, screens, type Viewer } from "./screens.js";

/**
 * npm run screenshots — phone-sized pictures of every screen in test/screenshots/screens.ts, taken from
 * the running demo system (what `npm start` runs) into docs/screenshots/, after building (`--build 0`
 * uses the current build). Prints what it could not capture and exits 1 if anything is missing.
 */
const args = parseArgs({ build: 1 });
const OUT_DIR = path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots");
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
  timezoneId: "Asia/Ho_Chi_Minh",
};
const CLARIFICATION = "Đính chính: không có khoản thu bắt buộc mới đầu học kỳ II";
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Demo activity so the screens are not empty: a question, a report with a photo, a relayed broadcast,
 * a post to review.
 */
async function prepareDemo(
  system: StartedSystem,
  browser: Browser,
  sessions: Record<string, SavedResidentSession>,
): Promise<DemoData> {
  const origin = `http://localhost:${system.port}`;
  const editor = await new ApiClient(origin).loginStaff("bientap", "loaphuong-demo");
  const resident = Object.assign(new ApiClient(origin), { token: sessions.resident!.token });
  const head = Object.assign(new ApiClient(origin), { token: sessions.head!.token });
  const neighbour = Object.assign(new ApiClient(origin), { token: sessions.neighbour!.token });

  const post = await waitFor(
    async () =>
      (
        await resident.request<{ items: { id: string; title: string }[] }>("GET", "/api/feed?limit=50")
      ).body.items.find((i) => i.title === CLARIFICATION),
    { timeoutMs: 60_000, intervalMs: 250, what: "the demo clarification in a resident's feed" },
  );
  const broadcasts = await editor.request<{ items: { id: string; postTitle: string }[] }>(
    "GET",
    "/api/broadcasts?limit=50",
  );
  const broadcast = broadcasts.body.items.find((b) => b.postTitle === CLARIFICATION);
  if (!broadcast) throw new Error("the demo clarification's broadcast is missing");

  await resident.request("POST", `/api/feed/${post.id}/questions`, {
    kind: "question",
    text: "Con tôi học lớp 3, học kỳ II có phải nộp thêm tiền học thêm không ạ?",
  });
  const nonFollower = Object.assign(new ApiClient(origin), { token: sessions.nonFollower!.token });
  await nonFollower.request("POST", `/api/feed/${post.id}/questions`, {
    kind: "question",
    text: "Quỹ phụ huynh năm nay có bắt buộc không ạ?",
  });
  const page = await browser.newPage();
  await page.setContent(
    '<div style="width:320px;height:240px;background:linear-gradient(135deg,#8bc34a,#2e7d32)"></div>',
  );
  const photo = await page.locator("div").screenshot();
  await page.close();
  const upload = await fetch(`${origin}/api/uploads`, {
    method: "POST",
    headers: { authorization: `Bearer ${resident.token}`, "content-type": "image/png" },
    body: new Uint8Array(photo),
  });
  const { id: uploadId } = (await upload.json()) as { id: string };
  await resident.request("POST", "/api/reports", {
    text: "Đèn đường ngõ 12 trước nhà văn hóa tổ 1 bị hỏng mấy hôm nay, tối rất tối.",
    uploadIds: [uploadId],
  });

  // The head of group 1 forwards the clarification, and a neighbour opens it through the head's link.
  const tasks = await head.request<{ items: { id: string; ref: string; broadcastId: string }[] }>(
    "GET",
    "/api/head/relay-tasks",
  );
  const task = tasks.body.items.find((t) => t.broadcastId === broadcast.id);
  if (task) {
    await head.request("POST", `/api/head/relay-tasks/${task.id}/shared`);
    await head.request("POST", `/api/head/relay-tasks/${task.id}/confirm`);
    await neighbour.request("POST", "/api/relay-opens", { ref: task.ref });
  }

  const created = await editor.request<{ id: string }>("POST", "/api/posts", {
    kind: "news",
    title: "Ngày hội đọc sách cho học sinh tiểu học tại nhà văn hóa phường",
    summary: "Sáng Chủ nhật, thư viện lưu động phục vụ các em từ 7 giờ 30.",
    body:
      "Thư viện lưu động của quận phục vụ học sinh tiểu học tại nhà văn hóa phường sáng Chủ nhật.\n\n" +
      "Phụ huynh đưa các em đến từ 7 giờ 30; có góc đọc cho trẻ mầm non.",
  });
  await editor.request("POST", `/api/posts/${created.body.id}/submit`);
  await waitFor(
    async () =>
      (await editor.request<{ items: unknown[] }>("GET", "/api/staff/alerts")).body.items.length > 0,
    {
      timeoutMs: 60_000,
      intervalMs: 500,
      what: "an overdue-relay alert",
    },
  );
  return { postId: post.id, broadcastId: broadcast.id, submittedPostId: created.body.id };
}

if (args.build) {
  log("building (npm run build)…");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", process.stderr, process.stderr] });
}
const build = snapshotBuild();
// Short relay deadlines, so the board shows reminders and escalations and the dashboard its alerts.
const system = await startSystem({
  QUIET_HOURS: "00:00-00:00",
  MINI_APP_DIST_DIR: build.dir,
  RELAY_REMIND_AFTER_MS: "4000",
  RELAY_ESCALATE_AFTER_MS: "8000",
});
const browser = await launchChromium();
const missing: string[] = [];
try {
  const origin = `http://localhost:${system.port}`;
  const simUrl = `http://127.0.0.1:${system.simPort}`;
  const base = `${origin}/zapps/${system.miniAppId}`;
  const sessions: Record<string, SavedResidentSession> = {};
  for (const [key, name] of Object.entries(PERSONAS))
    sessions[key] = await signInResident(origin, simUrl, await findPersona(simUrl, name));
  const data = await prepareDemo(system, browser, sessions);

  const contexts = new Map<Viewer, BrowserContext>();
  const contextFor = async (viewer: Viewer) => {
    const known = contexts.get(viewer);
    if (known) return known;
    const context = await browser.newContext(PHONE);
    if (viewer === "resident" || viewer === "newcomer" || viewer === "head")
      await seedResidentSession(context, sessions[viewer]!);
    if (viewer === "editor") await signInStaff(origin, context, "bientap");
    if (viewer === "approver") await signInStaff(origin, context, "lanhdao");
    contexts.set(viewer, context);
    return context;
  };

  mkdirSync(OUT_DIR, { recursive: true });
  for (const screen of screens) {
    const target = screen.path.replace(/:(\w+)/g, (_, key: string) =>
      encodeURIComponent(data[key as keyof DemoData]),
    );
    const page = await (await contextFor(screen.viewer)).newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      await page.goto(`${base}${target}`);
      await screen.ready(page);
      // An unknown route redirects to the feed: that screen does not exist (yet).
      const wanted = `/zapps/${system.miniAppId}${target.split("?")[0]}`;
      const landed = new URL(page.url()).pathname;
      if (landed.replace(/\/$/, "") !== wanted.replace(/\/$/, "")) throw new Error(`redirected to ${landed}`);
      await screen.act?.(page);
      // zmp-ui slides pages in; let the transition and the fonts finish.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(700);
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
      await page.screenshot({ path: path.join(OUT_DIR, `${screen.name}.png`) });
      log(`✓ ${screen.name} (${target})`);
    } catch (error) {
      const seen = (
        await page
          .locator("body")
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not a DOM node
          .innerText()
          .catch(() => "")
      )
        .replace(/\s+/g, " ")
        .slice(0, 160);
      missing.push(
        `${screen.name} (${target}): ${error instanceof Error ? error.message.split("\n")[0] : String(error)} ` +
          `— screen: "${seen}"`,
      );
      log(`✗ ${screen.name} (${target})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  await system.stop();
  build.remove();
}
const captured = screens.length - missing.length;
console.log(
  JSON.stringify({ captured, missing: missing.length, outDir: path.relative(process.cwd(), OUT_DIR) }),
);
if (missing.length) {
  log(`\nNot captured:\n  ${missing.join("\n  ")}`);
  process.exitCode = 1;
}
