import type { Page } from "playwright-core";

/**
 * Every screen `npm run screenshots` captures, in one place: add a route here when a screen is added.
 * `path` is inside the Mini App (/zapps/<id>/…); `:name` placeholders come from the demo data the
 * script prepares (see `DemoData`). `ready` is what must be on screen before the picture is taken.
 */
export type Viewer =
  /** Nobody signed in (the demo's persona picker, the staff sign-in). */
  | "visitor"
  /** An onboarded resident who is not a group head. */
  | "resident"
  /** A Zalo user who never opened Loa Phường: onboarding. */
  | "newcomer"
  /** The head (tổ trưởng) of a residential group. */
  | "head"
  /** Ward staff: the editor, or the leader who approves. */
  | "editor"
  | "approver";

/** Who signs in for each kind of viewer (the demo's simulated Zalo users). */
export const PERSONAS = {
  resident: "Người dân 002 – TDP số 1",
  newcomer: "Người dùng mới 01",
  head: "Tổ trưởng TDP số 1",
  /** Opens the head's shared link. */
  neighbour: "Người dân 003 – TDP số 1",
  /** Does not follow the OA: the OA may not message them. */
  nonFollower: "Người dân 011 – TDP số 1",
} as const;

export interface DemoData {
  /** The demo's urgent clarification, sent to every group. */
  postId: string;
  broadcastId: string;
  /** A post waiting for approval, made for the review screens. */
  submittedPostId: string;
}

export interface Screen {
  /** File name in docs/screenshots/ (without .png). */
  name: string;
  viewer: Viewer;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  /** Something to do once ready, before the picture (open a box, pick a filter). */
  act?: (page: Page) => Promise<unknown>;
}

const heading = (name: string | RegExp, level?: number) => (page: Page) =>
  page
    .getByRole("heading", { name, ...(level ? { level } : {}) })
    .first()
    .waitFor({ timeout: 20_000 });
const text = (value: string | RegExp) => (page: Page) =>
  page.getByText(value).first().waitFor({ timeout: 20_000 });

export const screens: Screen[] = [
  // Residents
  { name: "resident-persona-picker", viewer: "visitor", path: "/", ready: heading(/Chọn người dân/) },
  { name: "resident-onboarding", viewer: "newcomer", path: "/", ready: heading(/.+/, 1) },
  {
    name: "resident-feed",
    viewer: "resident",
    path: "/",
    ready: (page) => page.locator('a[href*="/post/"]').first().waitFor({ timeout: 20_000 }),
  },
  { name: "resident-post", viewer: "resident", path: "/post/:postId", ready: heading(/Đính chính/, 1) },
  { name: "resident-report", viewer: "resident", path: "/report", ready: heading(/.+/, 1) },
  { name: "resident-nominate", viewer: "resident", path: "/nominate", ready: heading(/.+/, 1) },
  { name: "resident-profile", viewer: "resident", path: "/profile", ready: heading(/.+/, 1) },
  { name: "resident-my-data", viewer: "resident", path: "/profile/data", ready: heading(/.+/, 1) },
  // Group heads
  {
    name: "head-feed",
    viewer: "head",
    path: "/",
    ready: (page) => page.locator('a[href*="/post/"]').first().waitFor({ timeout: 20_000 }),
  },
  { name: "head-relay-tasks", viewer: "head", path: "/head", ready: heading(/.+/, 1) },
  { name: "head-opinion-report", viewer: "head", path: "/opinion-report", ready: heading(/.+/, 1) },
  // Ward staff
  { name: "staff-login", viewer: "visitor", path: "/staff/login", ready: heading("Đăng nhập cán bộ phường") },
  { name: "staff-dashboard", viewer: "editor", path: "/staff", ready: text("Đợt gửi gần đây") },
  { name: "staff-post-new", viewer: "editor", path: "/staff/posts/new", ready: heading("Soạn bài mới", 1) },
  { name: "staff-post-edit", viewer: "editor", path: "/staff/posts/:postId", ready: heading(/.+/, 1) },
  {
    name: "staff-post-broadcast",
    viewer: "editor",
    path: "/staff/posts/:postId/broadcast",
    ready: heading(/.+/, 1),
  },
  {
    name: "staff-review-queue",
    viewer: "approver",
    path: "/staff/review",
    ready: heading("Hàng chờ duyệt", 1),
  },
  {
    name: "staff-review-post",
    viewer: "approver",
    path: "/staff/review/:submittedPostId",
    ready: (page) => page.getByRole("button", { name: "Duyệt", exact: true }).waitFor({ timeout: 20_000 }),
  },
  {
    name: "staff-broadcast",
    viewer: "editor",
    path: "/staff/broadcasts/:broadcastId",
    ready: (page) => page.getByRole("progressbar").waitFor({ timeout: 20_000 }),
  },
  {
    name: "staff-relay-board",
    viewer: "editor",
    path: "/staff/broadcasts/:broadcastId/relay",
    ready: (page) => page.getByRole("table").waitFor({ timeout: 20_000 }),
  },
  {
    name: "staff-signals",
    viewer: "editor",
    path: "/staff/signals",
    ready: (page) => page.getByRole("article").first().waitFor({ timeout: 20_000 }),
  },
  {
    name: "staff-signals-reply",
    viewer: "editor",
    path: "/staff/signals?kind=question",
    ready: (page) => page.getByRole("article").first().waitFor({ timeout: 20_000 }),
    act: async (page) => {
      await page.getByRole("article").first().getByRole("button", { name: "Trả lời", exact: true }).click();
      await page.getByRole("article").first().getByRole("textbox").scrollIntoViewIfNeeded();
    },
  },
  {
    name: "staff-signals-reply-no-oa",
    viewer: "editor",
    path: "/staff/signals?kind=question",
    ready: (page) =>
      page.getByRole("article").filter({ hasText: PERSONAS.nonFollower }).waitFor({ timeout: 20_000 }),
    act: async (page) => {
      const card = page.getByRole("article").filter({ hasText: PERSONAS.nonFollower });
      await card.getByRole("button", { name: "Trả lời", exact: true }).click();
      await card
        .getByRole("button", { name: "Hiển thị câu trả lời trong Mini App" })
        .scrollIntoViewIfNeeded();
    },
  },
];
