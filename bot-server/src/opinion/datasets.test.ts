import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExtraExamples, readUitVsfc, readVihsd } from "./datasets.js";

const labels = ["negative", "neutral", "positive"];

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "opinion-data-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("reading the corpora", () => {
  it("reads UIT-VSFC's line-aligned files, with or without a last line end", () => {
    const dir = scratch({
      "uit-vsfc/dev/sents.txt": "thầy dạy hay .\ncolonsad\nphòng nóng .",
      "uit-vsfc/dev/sentiments.txt": "2\n1\n0",
    });
    expect(readUitVsfc(dir, "dev")).toEqual([
      { text: "thầy dạy hay .", label: 2 },
      { text: "colonsad", label: 1 },
      { text: "phòng nóng .", label: 0 },
    ]);
  });

  it("reads ViHSD's CSV, a comment over several lines included, and checks its header and labels", () => {
    const dir = scratch({ "vihsd/train.csv": 'free_text,label_id\r\n"a, b\nc",1\r\nd,0\r\n' });
    expect(readVihsd(dir, "train")).toEqual([
      { text: "a, b\nc", label: 1 },
      { text: "d", label: 0 },
    ]);
    const bad = scratch({
      "vihsd/dev.csv": "text,label\nd,0\n",
      "vihsd/train.csv": "free_text,label_id\nd,7\n",
    });
    expect(() => readVihsd(bad, "dev")).toThrow(/header/);
    expect(() => readVihsd(bad, "train")).toThrow(/not one of 0..2/);
  });

  it("reads staff corrections for one task, the label by index or by name", () => {
    const dir = scratch({
      "extra.jsonl": [
        JSON.stringify({ text: "dạy chán", label: 0, task: "sentiment" }),
        JSON.stringify({ text: "đồ ngốc", label: 1, task: "toxicity" }),
        "",
        JSON.stringify({ text: "tuyệt", label: "positive", task: "sentiment", weight: 3 }),
      ].join("\n"),
    });
    expect(readExtraExamples(path.join(dir, "extra.jsonl"), "sentiment", labels)).toEqual([
      { text: "dạy chán", label: 0 },
      { text: "tuyệt", label: 2, weight: 3 },
    ]);
    const wrong = scratch({ "x.jsonl": JSON.stringify({ text: "x", label: "great", task: "sentiment" }) });
    expect(() => readExtraExamples(path.join(wrong, "x.jsonl"), "sentiment", labels)).toThrow(/x.jsonl:1/);
  });
});
