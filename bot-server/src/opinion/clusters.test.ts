import { foldDiacritics } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { type ClusterMessage, clusterMessages, clusterText } from "./clusters.js";

const start = Date.UTC(2025, 9, 1, 1, 0);

/** Residents telling of the same flooded street, each in their own words, with or without marks. */
function floodReports(): string[] {
  const openings = ["", "Mn ơi ", "Báo phường: ", "Cả nhà ơi, "];
  const places = ["đường Lê Lợi đoạn trước chợ", "Lê Lợi trước cổng chợ", "đoạn đường Lê Lợi gần chợ"];
  const states = [
    "ngập nặng quá, xe máy không đi được",
    "ngập sâu lắm rồi, nước lên tới đầu gối",
    "lại ngập rồi, xe chết máy hàng loạt",
    "ngập nước quá trời luôn :((",
  ];
  const texts: string[] = [];
  let n = 0;
  for (const opening of openings)
    for (const place of places)
      for (const state of states) {
        const text = `${opening}${place} ${state}`;
        // One in three typed without marks, one in four shouting with repeated letters.
        const written = n % 3 === 0 ? foldDiacritics(text) : n % 4 === 0 ? `${text}!!! ngậpppp` : text;
        texts.push(written);
        n++;
      }
  return texts;
}

/** Other things residents of the same area complain about: the same theme, not the same matter. */
const unrelated = [
  "Hẻm 45 Trần Phú cống bốc mùi hôi thối mấy hôm nay",
  "Đèn đường ở ngõ 12 Hai Bà Trưng bị hỏng cả tuần nay, tối đi rất nguy hiểm",
  "Rác ở chợ Sắt không ai dọn, ruồi nhặng khắp nơi",
  "Cây đổ chắn ngang đường Trần Phú sau cơn mưa tối qua",
  "Vỉa hè phố Điện Biên bị lấn chiếm bán hàng, người đi bộ phải đi xuống lòng đường",
  "Nắp cống trên phố Minh Khai bị vỡ, xe đạp của cháu sụp bánh",
];

function messages(texts: string[], group = (i: number) => `g${i % 3}`): ClusterMessage[] {
  return texts.map((text, i) => ({
    id: i + 1,
    text,
    groupId: group(i),
    sentAt: new Date(start + i * 60_000),
  }));
}

describe("clusterMessages", () => {
  it("reads reworded messages about one flooded street, with or without diacritics, as one cluster", () => {
    const flood = floodReports();
    const clusters = clusterMessages(messages([...flood, ...unrelated]));
    const biggest = clusters[0];
    expect(biggest?.count).toBe(flood.length);
    expect(biggest?.members).toEqual(flood.map((_, i) => i + 1));
    expect(biggest?.groupIds).toEqual(["g0", "g1", "g2"]);
    expect(biggest?.firstAt).toEqual(new Date(start));
    expect(biggest?.lastAt).toEqual(new Date(start + (flood.length - 1) * 60_000));
    expect(foldDiacritics(biggest?.representativeText.toLowerCase() ?? "")).toContain("le loi");
  });

  it("keeps unrelated messages on the same theme out of the cluster and apart from each other", () => {
    const flood = floodReports();
    const clusters = clusterMessages(messages([...flood, ...unrelated]));
    const unrelatedIds = unrelated.map((_, i) => flood.length + i + 1);
    for (const cluster of clusters) for (const id of unrelatedIds) expect(cluster.members).not.toContain(id);
    expect(clusters).toHaveLength(1);
  });

  it("leaves greetings and thanks too short to compare out of every cluster", () => {
    expect(clusterMessages(messages(["Cảm ơn ạ", "cam on a", "Ok", "ok ạ"]))).toEqual([]);
  });

  it("gives the same clusters whatever order the messages come in", () => {
    const all = messages([...floodReports(), ...unrelated, ...floodReports().slice(0, 5)]);
    const reversed = [...all].reverse();
    expect(clusterMessages(reversed)).toEqual(clusterMessages(all));
  });

  it("orders clusters by size and names each group once", () => {
    const school = [
      "Học phí trường Tiểu học Hồng Bàng năm nay tăng gấp đôi phải không ạ",
      "hoc phi truong tieu hoc hong bang nam nay tang gap doi ha",
      "Nghe nói học phí trường tiểu học Hồng Bàng tăng gấp đôi??",
    ];
    const flood = floodReports().slice(0, 6);
    const clusters = clusterMessages(messages([...school, ...flood], () => "g1"));
    expect(clusters.map((c) => c.count)).toEqual([6, 3]);
    expect(clusters[1]?.groupIds).toEqual(["g1"]);
  });

  it("compares folded words without fillers or emoticons", () => {
    expect(clusterText("Mn ơi đường Lê Lợi ngập rồi ạ :((")).toBe(clusterText("duong le loi ngap"));
  });
});
