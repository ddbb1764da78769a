import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePost, createPost, submitPost } from "../services/posts.js";
import type { Store } from "../store/database.js";
import { broadcasts, campaigns, deliveries, relayTasks, signals } from "../store/schema/index.js";
import { buildGroup, buildResident, buildStaff, buildWard } from "../testing/factories.js";
import { openTestStore, storeKinds } from "../testing/test-stores.js";
import { figureTablesOf, type ReportContent } from "./report-content.js";
import { reportFiguresCsv } from "./report-csv.js";
import { reportContentFor } from "./report-from-store.js";

const period = {
  kind: "monthly" as const,
  from: new Date("2026-02-28T17:00:00Z"),
  to: new Date("2026-03-31T17:00:00Z"),
};
const inPeriod = new Date("2026-03-10T02:00:00Z");

const allText = (c: ReportContent) =>
  [
    c.subject,
    ...c.opening,
    ...c.sections.flatMap(function texts(s): string[] {
      return [
        s.heading,
        ...s.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])),
        ...(s.subsections ?? []).flatMap(texts),
      ];
    }),
  ].join("\n");

describe.each(storeKinds)("the report's content on %s", (kind) => {
  let store: Store;
  let content: ReportContent;

  beforeAll(async () => {
    store = await openTestStore(kind);
    const { db } = store;
    const wardId = (await buildWard(db, { name: "Phường Thử Nghiệm" })).id;
    const editor = await buildStaff(db, wardId, ["editor"]);
    const approver = await buildStaff(db, wardId, ["approver"]);
    const [campaign] = await db
      .insert(campaigns)
      .values({
        wardId,
        title: "Tuyên truyền thử nghiệm",
        directives: [
          { number: "30-KH/BTGDVTU", date: "2026-02-10", issuer: "Ban Tuyên giáo Thành ủy", title: "x" },
        ],
        themes: ["Xã hội hóa giáo dục"],
        startsOn: "2026-03-01",
        endsOn: "2026-12-31",
      })
      .returning();
    const g1 = await buildGroup(db, wardId, { name: "Tổ dân phố số 1" });
    const g2 = await buildGroup(db, wardId, { name: "Tổ dân phố số 2" });
    const people = [
      await buildResident(db, wardId, { residentialGroupId: g1.id, createdAt: inPeriod }),
      await buildResident(db, wardId, { residentialGroupId: g1.id, createdAt: inPeriod }),
      await buildResident(db, wardId, { residentialGroupId: g2.id, isFollower: false, createdAt: inPeriod }),
    ];
    const post = async (kind: "announcement" | "news") => {
      const p = await createPost(db, editor, {
        kind,
        isUrgent: false,
        title: "Tin",
        body: "Nội dung",
        campaignId: campaign!.id,
      });
      await submitPost(db, editor, p.id);
      await approvePost(db, approver, p.id, p.version);
      return p;
    };
    const announcement = await post("announcement");
    const news = await post("news");
    await createPost(db, editor, {
      kind: "news",
      title: "Nháp",
      body: "Nháp",
      campaignId: campaign!.id,
      isUrgent: false,
    });
    const broadcast = async (postId: string, startedAt: Date) =>
      (
        await db
          .insert(broadcasts)
          .values({
            wardId,
            postId,
            postVersion: 1,
            audience: { include: [{ wholeWard: true }], exclude: [] },
            scheduledAt: startedAt,
            startedAt,
            status: "sent",
            createdById: editor.id,
          })
          .returning()
      )[0]!;
    const b1 = await broadcast(announcement.id, inPeriod);
    await broadcast(news.id, inPeriod);
    // Outside the period: not counted.
    await broadcast(news.id, new Date("2026-04-05T02:00:00Z"));
    await db.insert(deliveries).values([
      { broadcastId: b1.id, residentId: people[0]!.id, channel: "oa", status: "seen", costVnd: 0 },
      {
        broadcastId: b1.id,
        residentId: people[1]!.id,
        channel: "template",
        status: "delivered",
        costVnd: 200,
      },
      {
        broadcastId: b1.id,
        residentId: people[2]!.id,
        channel: "relay",
        status: "fallback",
        errorCode: "not_follower",
      },
    ]);
    await db.insert(relayTasks).values([
      {
        broadcastId: b1.id,
        postId: announcement.id,
        residentialGroupId: g1.id,
        headResidentId: people[0]!.id,
        ref: "r1",
        status: "shared",
      },
      {
        broadcastId: b1.id,
        postId: announcement.id,
        residentialGroupId: g2.id,
        headResidentId: people[2]!.id,
        ref: "r2",
      },
    ]);
    await db.insert(signals).values([
      {
        wardId,
        postId: announcement.id,
        kind: "question",
        source: "mini_app",
        text: "Hỏi?",
        sentAt: inPeriod,
        sentiment: "negative",
      },
      {
        wardId,
        postId: announcement.id,
        kind: "comment",
        source: "mini_app",
        text: "Hay",
        sentAt: inPeriod,
        sentiment: "positive",
        status: "handled",
      },
      { wardId, postId: news.id, kind: "reaction", source: "mini_app", sentAt: inPeriod },
      // Another ward's campaign-less message: not this campaign's feedback.
      { wardId, kind: "oa_message", source: "zalo_oa", text: "Rác", sentAt: inPeriod },
    ]);
    const signer = await buildStaff(db, wardId, ["approver"]);
    content = await reportContentFor(db, wardId, campaign!.id, period, {
      date: new Date("2026-04-02T03:00:00Z"),
      signerStaffId: signer.id,
    });
  });
  afterAll(async () => store.close());

  it("counts what the store holds, in Vietnamese", () => {
    const text = allText(content);
    expect(content.subject).toBe("Kết quả tuyên truyền thử nghiệm tháng 3/2026");
    expect(content.place).toBe("Thử Nghiệm");
    expect(content.issuer.name).toEqual(["Ủy ban nhân dân", "Phường Thử Nghiệm"]);
    expect(text).toContain("phát hành 2 tin bài với 2 lượt gửi");
    expect(text).toContain("1 thông báo, 1 tin tức");
    expect(text).toContain("Còn 1 tin bài chưa phát hành (1 đang soạn)");
    expect(text).toContain("phường có 3 người dân đăng ký sử dụng Loa Phường, trong đó 2 người quan tâm");
    expect(text).toContain("gửi trực tiếp đến điện thoại của 2 người dân; 1 người đã xem (50%");
    expect(text).toContain("1 người chưa nhận được tin trực tiếp");
    expect(text).toContain("1 lượt vì chưa quan tâm OA");
    expect(text).toContain("Tổ trưởng 2 tổ dân phố nhận 2 nhiệm vụ chuyển tiếp");
    expect(text).toContain("đã thực hiện 1 nhiệm vụ (50%)");
    expect(text).toContain("Tổ dân phố số 2 (0/1)");
    expect(text).toContain("Người dân đã gửi 3 lượt phản hồi");
    expect(text).toContain("tích cực 1, tiêu cực 1");
    expect(text).toContain("còn 2 lượt đang xử lý");
    expect(text).toContain("Thực hiện Kế hoạch số 30-KH/BTGDVTU ngày 10/02/2026 của Ban Tuyên giáo Thành ủy");
    expect(content.recipients[0]).toBe("Ban Tuyên giáo Thành ủy (để báo cáo)");
    expect(content.signer.name).toMatch(/^Cán bộ staff-/);
  });

  it("keeps the figures in tables and in the CSV", () => {
    const reach = figureTablesOf(content).find((t) => t.id === "reach_by_channel");
    expect(reach?.rows.at(-1)).toEqual(["Tổng cộng", 3, 2, 1, 0, 200]);
    const csv = reportFiguresCsv(content);
    expect(csv.startsWith("\uFEFFBảng,Dòng,Cột,Giá trị\r\n")).toBe(true);
    expect(csv).toContain("posts_by_kind,Thông báo,Số tin bài,1\r\n");
    expect(csv).toContain("reach_by_channel,Tổng cộng,Chi phí (đồng),200\r\n");
    expect(csv).toContain("relay_by_group,Tổ dân phố số 2,Đã chuyển tiếp,0\r\n");
  });
});
