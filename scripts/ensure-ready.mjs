// Installs dependencies when needed and builds everything; `--browser` also makes sure Chromium is there.
// Both README commands run this first, so a fresh clone needs no other step.
import { existsSync } from "node:fs";
import path from "node:path";
import { hasCommand, isNewer, root, run } from "./lib.mjs";

const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || isNewer(lock, installed)) {
  console.log("• Cài đặt thư viện (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

console.log("• Biên dịch TypeScript và dựng Mini App…");
run("npm", ["run", "build", "--silent"]);

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
