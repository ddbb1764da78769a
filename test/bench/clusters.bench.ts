import { clusterMessages } from "@loa-phuong/bot-server/opinion";
import { log, parseArgs } from "./support/args.js";

/**
 * npm run bench:clusters [-- --messages 10000 --runs 3]
 *
 * Near-duplicate clustering (bot-server/src/opinion/clusters.ts) over a ward's busy fortnight made up
 * here: a few incidents told many times in residents' own words (with and without diacritics, chat
 * style), among one-off messages. Prints the time of the best run and whether the incidents came out
 * as clusters on stderr, one JSON line last on stdout.
 */
const args = parseArgs({ messages: 10_000, runs: 3 });

const streets = ["Lê Lợi", "Trần Phú", "Hai Bà Trưng", "Điện Biên", "Minh Khai", "Lạch Tray", "Tam Bạc"];
const problems = [
  "ngập nặng quá, xe máy không đi được",
  "mất điện từ sáng tới giờ chưa có lại",
  "rác tồn đọng mấy ngày không ai dọn, bốc mùi",
  "đèn đường hỏng hết, tối đi rất nguy hiểm",
  "cống vỡ nắp, trẻ con đi học dễ sụp chân",
];
const openings = ["", "Mn ơi ", "Báo phường: ", "Cả nhà ơi, ", "ad ơi "];
const tails = ["", " ạ", " :((", "!!!", " mong phường xử lý sớm"];
// One-off messages: eight words drawn from a resident's everyday vocabulary, about nothing in common.
const words = (
  "hỏi thủ tục giấy tờ khai sinh con tôi trường học phí xe buýt chợ giá rau thịt cá bảo hiểm y tế " +
  "khám bệnh trạm tiêm chủng lịch họp tổ dân phố nước sạch hóa đơn internet cáp quang chó mèo tiếng ồn " +
  "karaoke đêm khuya hàng xóm sửa nhà vật liệu lấn chiếm vỉa hè công viên cây xanh tập thể dục người già"
).split(" ");
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** A seeded stream (mulberry32): the same messages on every run and machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const next = random(11);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
const incidents = streets.slice(0, 5).map((street, i) => `đường ${street} ${problems[i]}`);
const start = Date.UTC(2025, 9, 1);
const messages = Array.from({ length: args.messages }, (_, i) => {
  // Three in five messages tell one of the five incidents; the rest are one-off.
  const isIncident = next() < 0.6;
  const body = isIncident ? pick(incidents) : Array.from({ length: 8 }, () => pick(words)).join(" ");
  let text = `${pick(openings)}${body}${pick(tails)}`;
  if (next() < 0.35) text = fold(text);
  return { id: i + 1, text, groupId: `g${Math.floor(next() * 12)}`, sentAt: new Date(start + i * 60_000) };
});

let best = Number.POSITIVE_INFINITY;
let clusters: ReturnType<typeof clusterMessages<number>> = [];
for (let run = 0; run < args.runs; run++) {
  const t0 = performance.now();
  clusters = clusterMessages(messages);
  best = Math.min(best, performance.now() - t0);
}
const top = clusters.slice(0, 5).map((c) => c.count);
log(`clusters: ${args.messages} messages in ${best.toFixed(0)} ms (best of ${args.runs})`);
log(`  ${clusters.length} clusters; the five largest: ${top.join(", ")} messages`);
log(`  node ${process.version}, ${process.platform} ${process.arch}`);
process.stdout.write(
  `${JSON.stringify({ messages: args.messages, clusterMs: Math.round(best), clusters: clusters.length, top })}\n`,
);
