// `npm start`: the whole system with the demo ward on embedded defaults — the Zalo simulator standing
// in for Zalo, the bot server (API + workers) on embedded PGlite, and the Mini App it serves.
import { spawn } from "node:child_process";
import { hasCommand, pingRedis, root, startPrivateRedis, waitForHttp } from "./lib.mjs";

const port = Number(process.env.PORT ?? 3000);
const simPort = Number(process.env.ZALO_SIM_PORT ?? 3100);
const miniAppId = process.env.ZALO_MINI_APP_ID ?? "3000000000000000003";
const children = [];

let redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
if (!(await pingRedis(redisUrl))) {
  if (!hasCommand("redis-server")) {
    console.error(
      `✗ Không có Redis tại ${redisUrl}. Cài Redis: sudo apt-get install -y redis-server (hoặc đặt REDIS_URL).`,
    );
    process.exit(1);
  }
  const privateRedis = await startPrivateRedis(Number(process.env.PRIVATE_REDIS_PORT ?? 6390));
  children.push(privateRedis.child);
  redisUrl = privateRedis.url;
  console.log(`• Không có Redis tại địa chỉ mặc định: đã chạy Redis riêng tại ${redisUrl}`);
}

const simUrl = `http://127.0.0.1:${simPort}`;
const env = {
  ...process.env,
  REDIS_URL: redisUrl,
  PORT: String(port),
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  DEMO_MODE: "true",
  ZALO_SIM_URL: simUrl,
  ZALO_OPENAPI_BASE_URL: simUrl,
  ZALO_GRAPH_BASE_URL: simUrl,
  ZALO_OAUTH_BASE_URL: simUrl,
  ZALO_SIM_PORT: String(simPort),
  ZALO_SIM_WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/zalo`,
  ZALO_MINI_APP_ID: miniAppId,
  OA_MESSAGE_FORMAT: process.env.OA_MESSAGE_FORMAT ?? "list_button",
  // Every channel of the demo ward, with templates the simulator approved (the parameters are
  // bot-server/src/channels/templates.ts's).
  ZALO_BUSINESS_BASE_URL: simUrl,
  ZALO_MINIAPP_OPENAPI_BASE_URL: simUrl,
  ZALO_ZBS_TEMPLATE_ID: "demo-zbs-thong-bao",
  ZALO_ZBS_PHONE_TEMPLATE_ID: "demo-zbs-so-dien-thoai",
  ZALO_MINIAPP_NOTIFICATION_TEMPLATE_ID: "demo-thong-bao-mini-app",
  ZALO_MINIAPP_API_KEY: "demo-miniapp-api-key",
  ZALO_SIM_MINI_APP_API_KEY: "demo-miniapp-api-key",
  CHANNEL_ARTICLE_ENABLED: "true",
  // The demo sends its six posts at start (at most five non-urgent ones reach anybody): a cap of 6
  // leaves room for a newcomer's first broadcasts, which visibly arrive in the simulator's inbox.
  DAILY_CAP_PER_RESIDENT: process.env.DAILY_CAP_PER_RESIDENT ?? "6",
  // Residents open about seven messages in ten: urgent posts have someone to remind by phone.
  ZALO_SIM_SEEN_SHARE: process.env.ZALO_SIM_SEEN_SHARE ?? "0.7",
  ZALO_SIM_TEMPLATES: JSON.stringify({
    "demo-zbs-thong-bao": ["title", "summary", "link"],
    "demo-zbs-so-dien-thoai": ["title", "summary", "link"],
    "demo-thong-bao-mini-app": ["title", "contentTitle", "contentDescription", "buttonText", "buttonUrl"],
  }),
};

function launch(name, script) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`✗ ${name} đã dừng (${signal ?? code}); dừng toàn bộ hệ thống.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

launch("Zalo simulator", "test/zalo-sim/dist/main.js");
await waitForHttp(`${simUrl}/__sim/health`, 20_000);
launch("Bot server", "bot-server/dist/processes/main.js");
await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
await waitForHttp(`http://127.0.0.1:${port}/ready`, 60_000);
// The demo registers its residents with the simulator after start-up: wait, so the persona list is full.
for (let i = 0; i < 300; i++) {
  const res = await fetch(`${simUrl}/__sim/personas?limit=1`).catch(() => undefined);
  if (res?.ok && ((await res.json()).personas ?? []).length > 0) break;
  await new Promise((r) => setTimeout(r, 200));
}

console.log(`
──────────────────────────────────────────────────────────────
 Loa Phường đang chạy (dữ liệu trình diễn: phường Hồng Bàng)

 Mini App (người dân):   http://localhost:${port}/zapps/${miniAppId}/
 Màn hình cán bộ:        http://localhost:${port}/zapps/${miniAppId}/staff
 Bảng hàng đợi (admin):  http://localhost:${port}/admin/queues
 Hộp thư mô phỏng Zalo:  ${simUrl}/inbox
 Kiểm tra sức khỏe:      http://localhost:${port}/health
 Tài khoản cán bộ:       bientap / lanhdao / quantri / bientapduyet — mật khẩu loaphuong-demo
 Làm lại từ đầu:         dừng, xóa thư mục ${process.env.DATA_DIR ?? ".data"}, chạy lại npm start

 Dừng: Ctrl+C
──────────────────────────────────────────────────────────────`);
