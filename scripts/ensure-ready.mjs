// Installs dependencies when needed and builds everything; `--browser` also makes sure Chromium is there.
// Both README commands run this first, so a fresh clone needs no other step.
import { existsSync } from "node:fs";
import path from "node:path";
import { hasCommand, isNewer, newestMtime, root, run } from "./lib.mjs";

const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || isNewer(lock, installed)) {
  console.log("• Cài đặt thư viện (npm ci)…");
  // Errors only: npm's notices (packages' install scripts it does not run, engines of optional tools)
  // are expected here and read like failures to a newcomer.
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
}

console.log("• Biên dịch TypeScript (chỉ phần đã đổi)…");
run("npx", ["tsc", "-b"]);
// The Mini App is built again only when something it is built from changed since the last build.
const miniAppInputs = ["mini-app/src", "mini-app/vite.config.mts", "mini-app/package.json"]
  .concat(["app-config.json", "shared/src", "package-lock.json"])
  .map((p) => path.join(root, p));
const built = path.join(root, "mini-app", "www", "index.html");
if (!existsSync(built) || newestMtime(miniAppInputs) > newestMtime([built])) {
  console.log("• Dựng Mini App…");
  run("npm", ["run", "build", "--silent", "-w", "@loa-phuong/mini-app"]);
} else {
  console.log("• Mini App đã dựng, không có gì thay đổi.");
}

if (process.argv.includes("--browser") && !existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  const canInstall = process.getuid?.() === 0 && hasCommand("apt-get");
  if (!canInstall) {
    console.error(
      "✗ Cần Chromium cho kiểm thử trình duyệt: sudo apt-get install -y chromium (hoặc đặt CHROMIUM_PATH).",
    );
    process.exit(1);
  }
  console.log("• Cài Chromium (apt-get install chromium)…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
