import { readPlanBytes, writeDocx } from "@loa-phuong/bot-server/plans";
import type { PlanExtraction, TaskBoard } from "@loa-phuong/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN as PLAN } from "./support/sample-plan.js";
import { type Stack, startStack } from "./support/stack.js";
import { type SeededWard, seedWard } from "./support/ward.js";

/** Staff import a plan as .docx, check what was read beside its text, and confirm it into a campaign. */
describe("plan import", () => {
  let stack: Stack;
  let ward: SeededWard;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
  });
  afterAll(async () => stack?.stop());

  const upload = (bytes: Uint8Array, fileName: string, token = ward.editor.token) =>
    fetch(`${stack.url}/api/plans/extract?fileName=${encodeURIComponent(fileName)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body: Buffer.from(bytes),
    });

  it("reads a .docx plan's fields, each with its place in the text, and confirms it into a campaign", async () => {
    const res = await upload(
      writeDocx(await readPlanBytes(new TextEncoder().encode(PLAN), "ke-hoach.md")),
      "ke-hoach-21.docx",
    );
    expect(res.status).toBe(200);
    const read = (await res.json()) as PlanExtraction;
    expect(read.plan).toMatchObject({
      number: "21-KH/ĐU",
      date: "2026-03-09",
      issuer: "Đảng ủy phường Hồng Bàng",
    });
    expect(read.directives.map((d) => d.number)).toEqual(["46-CT/TW"]);
    const span = read.spans["plan.number"];
    expect(span && !Array.isArray(span) && read.text.slice(span.start, span.end)).toContain("21 - KH/ĐU");
    expect(read.units.map((u) => u.name)).toEqual([
      "Phòng Văn hóa - Xã hội",
      "Các trường THCS trên địa bàn phường",
    ]);

    // Staff correct the second unit's name and confirm.
    const confirmed = await ward.editor.request("POST", "/api/campaigns", {
      title: read.plan.title ?? "Kế hoạch",
      directives: read.directives.map((d) => ({
        number: d.number,
        date: d.date,
        issuer: d.issuer ?? "Bộ Chính trị",
      })),
      themes: ["Văn hóa đọc"],
      startsOn: "2026-04-01",
      endsOn: "2026-06-30",
      units: [
        {
          name: read.units[0]!.name,
          kind: "office",
          tasks: [{ title: "Xây dựng tin bài", due: read.units[0]!.deadlines[0] }],
        },
        { name: "Trường THCS Hồng Bàng", kind: "school", tasks: [{ title: "Tổ chức ngày hội đọc sách" }] },
      ],
    });
    expect(confirmed.status).toBe(201);
    const board = await ward.editor.request<TaskBoard>("GET", `/api/campaigns/${confirmed.body.id}/tasks`);
    expect(board.body.units.map((u) => u.name)).toEqual(["Phòng Văn hóa - Xã hội", "Trường THCS Hồng Bàng"]);
    // A task without a deadline of its own is due when the campaign ends (ward time).
    expect(board.body.tasks.map((t) => [t.title, t.dueAt])).toEqual([
      ["Xây dựng tin bài", "2026-06-15T16:59:59.999Z"],
      ["Tổ chức ngày hội đọc sách", "2026-06-30T16:59:59.999Z"],
    ]);
    const themes = await ward.editor.request("GET", "/api/opinion/themes");
    expect(themes.body.items.map((t: { name: string }) => t.name)).toContain("Văn hóa đọc");
  });

  it("refuses what it cannot read and what is not the editors', storing nothing", async () => {
    const before = (await ward.editor.request("GET", "/api/campaigns")).body.items.length;
    expect((await upload(new Uint8Array(), "trong.docx")).status).toBe(400);
    expect((await upload(new TextEncoder().encode("abc"), "anh.jpg")).status).toBe(400);
    expect((await upload(new TextEncoder().encode("%PDF-1.4 hỏng"), "hong.pdf")).status).toBe(415);
    expect((await upload(new TextEncoder().encode(PLAN), "ke-hoach.md", ward.approver.token)).status).toBe(
      403,
    );
    const twice = await ward.editor.request("POST", "/api/campaigns", {
      title: "Kế hoạch",
      startsOn: "2026-04-01",
      endsOn: "2026-03-01",
      units: [],
    });
    expect(twice.status).toBe(400);
    const duplicate = await ward.editor.request("POST", "/api/campaigns", {
      title: "Kế hoạch",
      startsOn: "2026-04-01",
      endsOn: "2026-06-30",
      units: [
        { name: "Trường A", kind: "school" },
        { name: "trường a", kind: "school" },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect((await ward.editor.request("GET", "/api/campaigns")).body.items).toHaveLength(before);
  });
});
