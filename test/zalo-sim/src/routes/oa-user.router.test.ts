import { afterEach, describe, expect, it } from "vitest";
import { buildUser, oaGet, oaPost, startTestSim } from "../test-support/harness.js";
import type { ZaloSim } from "../types.js";

const DAY = 24 * 60 * 60 * 1000;
/** 2026-11-26 10:00 in Hanoi. */
const NOW = Date.UTC(2026, 10, 26, 3, 0, 0);

let sim: ZaloSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup() {
  sim = await startTestSim({ now: () => NOW });
  const { accessToken } = sim.issueOaTokens();
  const headers = { access_token: accessToken };
  const users = {
    today: buildUser({ lastInteractionAt: NOW - 60_000, tags: ["Tổ 5"] }),
    // 23:30 on 25/11 in Hanoi: yesterday there, although the same UTC day as NOW.
    yesterday: buildUser({ lastInteractionAt: Date.UTC(2026, 10, 25, 16, 30), tags: ["Tổ 5"] }),
    lastWeek: buildUser({ lastInteractionAt: NOW - 6 * DAY, isFollower: false }),
    old: buildUser({ lastInteractionAt: NOW - 20 * DAY, tags: ["Tổ 7"] }),
  };
  sim.upsertUsers(Object.values(users));
  const list = async (data: Record<string, unknown>) => oaGet(sim!, "/v3.0/oa/user/getlist", data, headers);
  const ids = async (data: Record<string, unknown>) => {
    const { body } = await list({ offset: 0, count: 50, ...data });
    return ((body.data as { users: { user_id: string }[] }).users ?? []).map((u) => u.user_id);
  };
  return { sim, headers, users, list, ids };
}

describe("GET /v3.0/oa/user/getlist", () => {
  it("filters by tag, follower flag (string or boolean) and interaction period in Hanoi time", async () => {
    const { users, ids } = await setup();

    expect(await ids({ tag_name: "Tổ 5" })).toEqual([users.today.idByOa, users.yesterday.idByOa]);
    expect(await ids({ is_follower: "false" })).toEqual([users.lastWeek.idByOa]);
    expect(await ids({ is_follower: true, tag_name: "Tổ 7" })).toEqual([users.old.idByOa]);
    expect(await ids({ last_interaction_period: "TODAY" })).toEqual([users.today.idByOa]);
    expect(await ids({ last_interaction_period: "YESTERDAY" })).toEqual([users.yesterday.idByOa]);
    expect(await ids({ last_interaction_period: "L7D" })).toEqual([
      users.today.idByOa,
      users.yesterday.idByOa,
      users.lastWeek.idByOa,
    ]);
    expect(await ids({ last_interaction_period: "L30D" })).toHaveLength(4);
    expect(await ids({ last_interaction_period: "2026_11_01:2026_11_10" })).toEqual([users.old.idByOa]);
    expect(await ids({ tag_name: "Không có" })).toEqual([]);
  });

  it("pages with offset/count, reports the total, and enforces count ≤ 50 and offset ≤ 9951", async () => {
    const { users, list } = await setup();

    const page = await list({ offset: 1, count: 2 });
    expect(page.body).toMatchObject({
      error: 0,
      data: {
        total: 4,
        count: 2,
        offset: 1,
        users: [{ user_id: users.yesterday.idByOa }, { user_id: users.lastWeek.idByOa }],
      },
    });
    expect((await list({ offset: "3", count: "50" })).body).toMatchObject({
      data: { users: [{ user_id: users.old.idByOa }] },
    });
    expect((await list({ offset: 0, count: 51 })).body).toMatchObject({ error: -210 });
    expect((await list({ offset: 9952, count: 10 })).body).toMatchObject({ error: -210 });
    expect((await list({ offset: 9951, count: 10 })).body).toMatchObject({ error: 0, data: { users: [] } });
    expect((await list({ offset: 0, count: "many" })).body).toMatchObject({ error: -201 });
    expect((await list({ last_interaction_period: "L99D" })).body).toEqual({
      error: -201,
      message: "last_interaction_period is invalid!",
    });
    expect((await oaGet(sim!, "/v3.0/oa/user/getlist", undefined, { access_token: "x" })).body).toMatchObject(
      { error: -216 },
    );
  });

  it("sees changes made after a page was served", async () => {
    const { sim, users, ids } = await setup();
    expect(await ids({ is_follower: "false" })).toEqual([users.lastWeek.idByOa]);
    await sim.follow(users.lastWeek.idByOa);
    expect(await ids({ is_follower: "false" })).toEqual([]);
  });
});

describe("GET /v3.0/oa/user/detail", () => {
  it("returns the profile with the last interaction date as DD/MM/YYYY in Hanoi", async () => {
    const { users, headers } = await setup();
    const res = await oaGet(sim!, "/v3.0/oa/user/detail", { user_id: users.yesterday.idByOa }, headers);
    expect(res.body).toMatchObject({
      error: 0,
      data: {
        user_id: users.yesterday.idByOa,
        user_id_by_app: users.yesterday.idByApp,
        display_name: users.yesterday.name,
        user_is_follower: true,
        user_last_interaction_date: "25/11/2026",
        tags_and_notes_info: { tag_names: ["Tổ 5"] },
      },
    });
    expect((await oaGet(sim!, "/v3.0/oa/user/detail", { user_id: "1" }, headers)).body).toMatchObject({
      error: -201,
    });
  });
});

describe("v2.0 tags", () => {
  it("tags and untags followers (string or numeric ids), lists and deletes tags", async () => {
    const { users, headers, ids } = await setup();
    const post = (path: string, body: unknown) => oaPost(sim!, `/v2.0/oa/tag/${path}`, body, headers);

    expect((await post("tagfollower", { user_id: users.old.idByOa, tag_name: "Phụ huynh" })).body).toEqual({
      error: 0,
      message: "Success",
    });
    const raw = `{"user_id":${users.today.idByOa},"tag_name":"Phụ huynh"}`;
    expect((await post("tagfollower", raw)).body).toMatchObject({ error: 0 });
    expect(await ids({ tag_name: "Phụ huynh" })).toEqual([users.old.idByOa, users.today.idByOa]);
    expect((await oaGet(sim!, "/v2.0/oa/tag/gettagsofoa", undefined, headers)).body).toEqual({
      error: 0,
      message: "Success",
      data: ["Tổ 5", "Tổ 7", "Phụ huynh"],
    });

    await post("rmfollowerfromtag", { user_id: users.old.idByOa, tag_name: "Phụ huynh" });
    expect(await ids({ tag_name: "Phụ huynh" })).toEqual([users.today.idByOa]);
    expect((await post("rmtag", { tag_name: "Tổ 5" })).body).toMatchObject({ error: 0 });
    expect(await ids({ tag_name: "Tổ 5" })).toEqual([]);
    expect(sim!.getUser(users.today.idByOa)?.tags).toEqual(["Phụ huynh"]);
    expect((await post("rmtag", { tag_name: "Tổ 5" })).body).toMatchObject({ error: -201 });
    expect((await post("tagfollower", { user_id: "1", tag_name: "x" })).body).toMatchObject({ error: -201 });
  });

  it("reports the OA with its follower count", async () => {
    const { headers } = await setup();
    expect((await oaGet(sim!, "/v2.0/oa/getoa", undefined, headers)).body).toMatchObject({
      error: 0,
      data: { num_follower: 3 },
    });
  });
});
