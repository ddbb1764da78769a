// `npm run preflight [-- --env FILE]`: checks a production configuration before the ward starts the
// server — every variable, Zalo's URLs, key lengths, the store and Redis — and says what is wrong in
// Vietnamese and English. The environment is read from the process, or from FILE (KEY=VALUE lines).
import { readFileSync } from "node:fs";
import { preflight } from "@loa-phuong/bot-server/preflight";

function readEnvFile(file: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = line.match(/^\s*(?:export\s+)?([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!match) continue;
    entries[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return entries;
}

const at = process.argv.indexOf("--env");
const env = at > 0 ? readEnvFile(process.argv[at + 1] ?? "") : process.env;
const findings = await preflight(env);
for (const f of findings) {
  const mark = f.level === "error" ? "✗" : "!";
  console.log(`${mark} ${f.variable}: ${f.vi}\n    ${f.en}`);
}
const errors = findings.filter((f) => f.level === "error").length;
console.log(
  errors === 0
    ? "✓ Cấu hình sẵn sàng cho production. / The configuration is ready for production."
    : `✗ ${errors} lỗi cần sửa trước khi chạy. / ${errors} error(s) to fix before starting.`,
);
console.log(JSON.stringify({ ok: errors === 0, errors, warnings: findings.length - errors }));
process.exit(errors === 0 ? 0 : 1);
