import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { modelFileName } from "./classify.js";
import { runClassifyCommand } from "./classify-command.js";
import { TINY_TASK, tinyCorpus } from "./tiny-corpus.js";
import { trainOpinionModel } from "./train.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function classifyWithNpm(task: string, input: string) {
  return spawnSync("npm", ["run", "-s", "opinion:classify", "--", "--task", task], {
    cwd: REPO_ROOT,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Each spawns npm and tsx, seconds on a busy machine.
const SPAWN_TIMEOUT = 60_000;

describe("npm run -s opinion:classify", () => {
  it(
    "writes one label a line, in order, and nothing else on stdout, for text with or without diacritics",
    () => {
      const lines = [
        "Thầy dạy rất hay, nhiệt tình và vui vẻ :)",
        "thay day rat hay, nhiet tinh va vui ve",
        "Giảng viên dạy quá tệ, không nhiệt tình, sinh viên rất chán",
        "giang vien day qua te , khong nhiet tinh , sinh vien rat chan",
        "",
        "GIẢNG VIÊN DẠY RẤT HAY !!!",
      ];
      const result = classifyWithNpm("sentiment", `${lines.join("\r\n")}\n`);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^([012]\n){6}$/);
      expect(result.stdout.split("\n").slice(0, 6)).toEqual(["2", "2", "0", "0", expect.any(String), "2"]);
      expect(result.stderr).toMatch(/6 lines in .* sentiment-\d{4}\.\d\d\.\d\d-[0-9a-f]{8}/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    "labels toxicity with the same contract, a last line without a line end included",
    () => {
      const result = classifyWithNpm("toxicity", "Cảm ơn phường đã thông báo\ncam on phuong");
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe("0\n0\n");
    },
    SPAWN_TIMEOUT,
  );

  it(
    "refuses an unknown task on stderr and writes nothing to stdout",
    () => {
      const result = classifyWithNpm("weather", "trời đẹp\n");
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/--task must be one of sentiment, toxicity/);
    },
    SPAWN_TIMEOUT,
  );
});

describe("the classify command's stream", () => {
  it("keeps every label in its line's place across many flushes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "opinion-models-"));
    const trained = trainOpinionModel({
      definition: TINY_TASK,
      train: tinyCorpus(),
      seed: 1,
      command: "t",
      day: "x",
    });
    writeFileSync(path.join(dir, modelFileName("sentiment")), trained.bytes);
    const texts = ["cô dạy rất hay", "cô nói khó hiểu", "cô ở tầng năm"];
    const count = 10_000;
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    const logs: string[] = [];
    const run = runClassifyCommand(["--task", "sentiment", "--models", dir], {
      input,
      output,
      log: (line) => logs.push(line),
    });
    input.end(Array.from({ length: count }, (_, i) => texts[i % 3]).join("\n"));
    const summary = await run;
    const labels = chunks.join("").split("\n");
    expect(labels.pop()).toBe("");
    expect(labels).toHaveLength(count);
    expect(labels.every((label, i) => label === ["2", "0", "1"][i % 3])).toBe(true);
    expect(summary).toMatchObject({ lines: count, modelVersion: trained.model.header.version });
    expect(logs.join("\n")).toContain(`${count} lines`);
  });
});
