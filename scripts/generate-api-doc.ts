// Writes docs/API.md from the routes the bot server declares (`npm run docs:api`).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { declaredApi, renderApiMarkdown } from "@loa-phuong/bot-server/http";

const target = path.resolve(import.meta.dirname, "..", "docs", "API.md");
const registry = declaredApi();
writeFileSync(target, renderApiMarkdown(registry));
console.log(`docs/API.md: ${registry.routes.length} routes`);
process.exit(0);
