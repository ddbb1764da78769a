// Lines a reader can take in without scrolling: no source line over 120 characters (`npm run lint`).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { root } from "./lib.mjs";

const LIMIT = 120;
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root })
  .toString()
  .split("\n")
  .filter((f) => /\.(ts|tsx|mjs|js|css)$/.test(f));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(`${root}/${file}`, "utf8");
  } catch {
    continue; // listed by git, deleted in the working tree
  }
  text.split("\n").forEach((line, i) => {
    if ([...line].length > LIMIT) long.push(`${file}:${i + 1} (${[...line].length})`);
  });
}
if (long.length > 0) {
  console.error(`${long.length} line(s) over ${LIMIT} characters:\n${long.join("\n")}`);
  process.exit(1);
}
console.log(`No line over ${LIMIT} characters in ${files.length} files.`);
