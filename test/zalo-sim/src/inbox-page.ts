/**
 * GET / and /inbox: a self-contained page where a person watches the ward's messages arrive for a
 * simulated resident, on every channel (each labelled, with its cost when it has one), and can write
 * to the OA as that resident. It only uses /__sim/* routes. All user content is inserted with
 * textContent, and only http(s) links become anchors.
 */
export const INBOX_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hộp thư mô phỏng Zalo</title>
<style>
  * { box-sizing: border-box; }
  body {
    margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1d2a3a; background: #eef2f7;
    display: flex; height: 100vh;
  }
  aside { width: 300px; background: #fff; border-right: 1px solid #d7dee8; display: flex; flex-direction: column; }
  aside h1 { font-size: 16px; margin: 0; padding: 12px; background: #0068ff; color: #fff; }
  #search { margin: 8px; padding: 8px; border: 1px solid #c5cfdc; border-radius: 6px; }
  #users { list-style: none; margin: 0; padding: 0; overflow-y: auto; flex: 1; }
  #users li { padding: 8px 12px; cursor: pointer; border-bottom: 1px solid #f0f3f7; }
  #users li.active { background: #e5efff; }
  #users small, .meta { color: #6b7a8c; font-size: 12px; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  header { padding: 12px 16px; background: #fff; border-bottom: 1px solid #d7dee8; }
  #messages { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; }
  .msg {
    max-width: 70%; padding: 8px 12px; border-radius: 10px; background: #fff; box-shadow: 0 1px 2px #0001;
    word-wrap: break-word;
  }
  .msg.user { align-self: flex-end; background: #d6e8ff; }
  .msg img { max-width: 100%; border-radius: 6px; display: block; margin: 4px 0; }
  .msg .el { border-top: 1px solid #eef2f7; padding-top: 6px; margin-top: 6px; }
  .btn {
    display: inline-block; margin: 6px 6px 0 0; padding: 4px 10px; border: 1px solid #0068ff; border-radius: 14px;
    color: #0068ff; text-decoration: none;
  }
  form { display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #d7dee8; }
  form input { flex: 1; padding: 8px; border: 1px solid #c5cfdc; border-radius: 6px; }
  form button { padding: 8px 14px; border: 0; border-radius: 6px; background: #0068ff; color: #fff; cursor: pointer; }
  .empty { color: #6b7a8c; text-align: center; margin-top: 40px; }
  .chip {
    display: inline-block; margin-bottom: 4px; padding: 1px 8px; border-radius: 10px; font-size: 12px;
    font-weight: 600; background: #e5efff; color: #0050c8;
  }
  .chip.article { background: #e6f6ea; color: #1c7a35; }
  .chip.notification { background: #fff3dc; color: #9a5b00; }
  .chip.zbs_uid, .chip.zbs_phone { background: #f3e8ff; color: #6b2fb3; }
  .cost { color: #b3261e; }
</style>
</head>
<body>
<aside>
  <h1>Hộp thư mô phỏng Zalo</h1>
  <input id="search" type="search" placeholder="Tìm theo tên hoặc mã người dùng…">
  <ul id="users"></ul>
</aside>
<main>
  <header id="who"><span class="meta">Chọn một người dùng để xem tin nhắn OA gửi đến.</span></header>
  <div id="messages"></div>
  <form id="send" hidden>
    <input id="text" maxlength="2000" placeholder="Gửi tin nhắn tới OA với tư cách người dùng này…" required>
    <button type="submit">Gửi</button>
  </form>
</main>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let selected = null;
let lastRendered = "";
const CHANNELS = { cs: "Tin tư vấn OA", article: "Bài viết OA", notification: "Thông báo Mini App",
  zbs_uid: "ZBS theo UID", zbs_phone: "ZBS theo số điện thoại" };
const money = new Intl.NumberFormat("vi-VN");
function formatCost(vnd) { return money.format(vnd) + " ₫"; }
const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit",
  year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
function formatTime(ms) {
  const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return p.day + "/" + p.month + "/" + p.year + " " + p.hour + ":" + p.minute;
}
function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
function link(url, label, cls) {
  if (!/^https?:\\/\\//.test(url)) return el("span", {}, label);
  return el("a", { href: url, target: "_blank", rel: "noopener", class: cls || "" }, label);
}
function textWithLinks(text) {
  const box = el("div");
  text.split(/(https?:\\/\\/[^\\s<>"']+)/g).forEach((piece, i) => box.append(i % 2 ? link(piece, piece) : piece));
  return box;
}
function renderButtons(box, buttons) {
  for (const b of buttons || []) {
    const url = b.payload && b.payload.url;
    box.append(url ? link(url, b.title, "btn") : el("span", { class: "btn" }, b.title));
  }
}
function renderData(box, data) {
  for (const [k, v] of Object.entries(data || {})) box.append(textWithLinks(k + ": " + v));
}
function renderOaMessage(entry) {
  const channel = entry.channel || "cs";
  const box = el("div", { class: "msg" });
  box.append(el("div", { class: "chip " + channel }, CHANNELS[channel] || channel));
  const body = entry.body || {};
  const message = body.message || {};
  const payload = message.attachment && message.attachment.payload;
  if (channel === "article") {
    box.append(el("strong", {}, entry.text || "Bài viết"));
    for (const url of entry.links || []) {
      const row = el("div");
      row.append(link(url, url));
      box.append(row);
    }
  } else if (channel === "notification") {
    box.append(el("strong", {}, "Mẫu thông báo " + (body.templateId || "")));
    renderData(box, body.templateData);
  } else if (channel === "zbs_phone") {
    box.append(el("strong", {}, "Mẫu tin ZBS " + (body.template_id || "") + " tới số " + (body.phone || "")));
    renderData(box, body.template_data);
  } else if (entry.type === "template") {
    box.append(el("strong", {}, "Mẫu tin ZBS " + (body.template_id || "")));
    renderData(box, body.template_data);
  } else if (payload && payload.template_type === "list") {
    for (const e of payload.elements || []) {
      const item = el("div", { class: "el" });
      if (e.image_url) item.append(el("img", { src: e.image_url, alt: "" }));
      const title = el("strong", {}, e.title);
      item.append(e.default_action && e.default_action.url ? link(e.default_action.url, e.title) : title);
      if (e.subtitle) item.append(el("div", {}, e.subtitle));
      box.append(item);
    }
    renderButtons(box, payload.buttons);
  } else if (payload && payload.template_type === "media") {
    for (const e of payload.elements || []) if (e.url) box.append(el("img", { src: e.url, alt: "" }));
    if (message.text) box.append(textWithLinks(message.text));
  } else {
    box.append(textWithLinks(message.text || entry.text || "(" + entry.type + ")"));
  }
  const sender = channel === "notification" ? "Mini App" : "OA";
  const meta = el("div", { class: "meta" },
    sender + " · " + formatTime(entry.sentAt) + " · " + entry.messageId);
  if (entry.costVnd > 0) meta.append(" · ", el("span", { class: "cost" }, formatCost(entry.costVnd)));
  box.append(meta);
  return box;
}
function renderUserMessage(m) {
  const box = el("div", { class: "msg user" });
  box.append(textWithLinks(m.text));
  box.append(el("div", { class: "meta" }, "Người dùng · " + formatTime(m.sentAt)));
  return box;
}
async function getJson(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(url + " → HTTP " + res.status);
  return res.json();
}
async function loadUsers() {
  const q = encodeURIComponent($("search").value);
  const { personas } = await getJson("/__sim/personas?limit=300&q=" + q);
  const list = $("users");
  list.replaceChildren();
  for (const p of personas) {
    const li = el("li", selected && selected.idByOa === p.idByOa ? { class: "active" } : {});
    li.append(el("div", {}, p.name),
      el("small", {}, "OA: " + p.idByOa + (p.isFollower ? " · đang quan tâm" : " · chưa quan tâm") +
        (p.notificationsAllowed ? " · nhận thông báo" : "")));
    li.onclick = () => { selected = p; lastRendered = ""; loadUsers(); refresh(); };
    list.append(li);
  }
  if (personas.length === 0) list.append(el("li", { class: "meta" }, "Không có người dùng nào."));
}
/** Per channel: how many messages this resident got, and what they cost in all. */
function channelSummary(entries) {
  const counts = {};
  let cost = 0;
  for (const e of entries) {
    counts[e.channel] = (counts[e.channel] || 0) + 1;
    cost += e.costVnd || 0;
  }
  const parts = Object.keys(CHANNELS).filter((c) => counts[c]).map((c) => CHANNELS[c] + ": " + counts[c]);
  if (cost > 0) parts.push("Tổng chi phí: " + formatCost(cost));
  return parts.length ? parts.join(" · ") : "Chưa nhận tin nào.";
}
async function refresh() {
  if (!selected) return;
  $("send").hidden = false;
  const id = encodeURIComponent(selected.idByOa);
  const [{ entries }, { messages }] = await Promise.all([
    getJson("/__sim/ledger?user_id=" + id), getJson("/__sim/users/" + id + "/inbound")]);
  $("who").replaceChildren(el("strong", {}, selected.name), el("div", { class: "meta" },
    "idByOa " + selected.idByOa + " · idByApp " + selected.idByApp), el("div", { class: "meta" },
    channelSummary(entries)));
  const items = entries.map((e) => ({ at: e.sentAt, node: () => renderOaMessage(e) }))
    .concat(messages.map((m) => ({ at: m.sentAt, node: () => renderUserMessage(m) })))
    .sort((a, b) => b.at - a.at);
  const newest = entries.length ? entries[entries.length - 1].messageId : "";
  const key = selected.idByOa + ":" + entries.length + ":" + newest + ":" + messages.length;
  if (key === lastRendered) return;
  lastRendered = key;
  const box = $("messages");
  box.replaceChildren(...items.map((i) => i.node()));
  if (items.length === 0) box.append(el("div", { class: "empty" }, "Chưa có tin nhắn nào."));
}
function report(error) { $("who").append(el("div", { class: "meta" }, "Lỗi: " + error.message)); }
let searchTimer;
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => loadUsers().catch(report), 250);
});
$("send").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("text").value.trim();
  if (!text || !selected) return;
  await getJson("/__sim/users/" + encodeURIComponent(selected.idByOa) + "/send-text", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) }).catch(report);
  $("text").value = "";
  refresh().catch(report);
});
loadUsers().catch(report);
setInterval(() => refresh().catch(report), 2000);
</script>
</body>
</html>
`;
