import { describe, expect, it } from "vitest";
import { parseClaims } from "./claims-file.js";

const line = (id: string) =>
  JSON.stringify({ id, claim: "Phường thu phí", clarification: "Không đúng.", topic: "phí" });

describe("the claims file", () => {
  it("reads one claim a line and skips blank lines", () => {
    expect(parseClaims(`${line("A")}\n\n${line("B")}\n`).map((c) => c.id)).toEqual(["A", "B"]);
    expect(parseClaims("")).toEqual([]);
  });

  it("names the line that is not a claim", () => {
    expect(() => parseClaims(`${line("A")}\n{"id":"B"}`)).toThrow(/line 2/);
    expect(() => parseClaims("{oops")).toThrow(/line 1: not JSON/);
    expect(() => parseClaims(`${line("A")}\n${line("A")}`)).toThrow(/given twice/);
  });
});
