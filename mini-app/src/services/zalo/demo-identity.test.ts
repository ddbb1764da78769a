import { describe, expect, it } from "vitest";
import { fakeApi, offline } from "../../testing/fake-api";
import {
  allowNotificationsAsPersona,
  fetchPersonas,
  interactOAAsPersona,
  issueDemoAccessToken,
  issueDemoPhoneToken,
} from "./demo-identity";

const simulator = "http://sim.test/";

describe("the demo identity (Zalo simulator)", () => {
  it("lists the simulator's users, with the group from their first OA tag", async () => {
    const api = fakeApi({
      "GET /__sim/personas": {
        body: {
          personas: [
            { idByApp: "a-1", idByOa: "o-1", name: "Trần Văn Nam", tags: ["Tổ dân phố số 3"] },
            { idByApp: "a-2", idByOa: "o-2", name: "Lê Thị Mai", residentialGroupName: "Tổ dân phố số 20" },
            { idByApp: "a-3", name: "Không có mã OA" },
          ],
        },
      },
    });
    await expect(fetchPersonas(simulator)).resolves.toEqual([
      { idByApp: "a-1", idByOa: "o-1", name: "Trần Văn Nam", residentialGroupName: "Tổ dân phố số 3" },
      { idByApp: "a-2", idByOa: "o-2", name: "Lê Thị Mai", residentialGroupName: "Tổ dân phố số 20" },
    ]);
    expect(api.calls[0]).toMatchObject({ origin: "http://sim.test", url: "/__sim/personas?limit=1000" });
    // A bare list is accepted too.
    fakeApi({ "GET /__sim/personas": { body: [{ idByApp: "a-1", idByOa: "o-1", name: "Nam" }] } });
    await expect(fetchPersonas(simulator)).resolves.toEqual([
      { idByApp: "a-1", idByOa: "o-1", name: "Nam", residentialGroupName: null },
    ]);
  });

  it("says in Vietnamese when the simulator is down, answers an error or sends nonsense", async () => {
    fakeApi({ "GET /__sim/personas": offline });
    await expect(fetchPersonas(simulator)).rejects.toThrow(
      "Không kết nối được trình giả lập Zalo. Vui lòng kiểm tra rằng nó đang chạy rồi thử lại.",
    );
    fakeApi({ "GET /__sim/personas": { status: 500 } });
    await expect(fetchPersonas(simulator)).rejects.toThrow("Trình giả lập Zalo trả lỗi 500.");
    fakeApi({ "GET /__sim/personas": { body: { users: [] } } });
    await expect(fetchPersonas(simulator)).rejects.toThrow(
      "Trình giả lập Zalo trả danh sách người dùng không hợp lệ.",
    );
  });

  it("takes a Zalo-style access token for the chosen user", async () => {
    const api = fakeApi({ "POST /__sim/users/a%201/access-token": { body: { accessToken: "zalo-at-1" } } });
    await expect(issueDemoAccessToken(simulator, "a 1")).resolves.toBe("zalo-at-1");
    expect(api.calls).toHaveLength(1);
    fakeApi({ "POST /__sim/users/a-1/access-token": { body: { accessToken: "" } } });
    await expect(issueDemoAccessToken(simulator, "a-1")).rejects.toThrow(
      "Trình giả lập Zalo không cấp mã truy cập.",
    );
  });

  it("gets a phone token, and says so plainly when the user has no number", async () => {
    fakeApi({ "POST /__sim/users/a-1/phone-token": { body: { token: "phone-1" } } });
    await expect(issueDemoPhoneToken(simulator, "a-1")).resolves.toBe("phone-1");
    fakeApi({ "POST /__sim/users/a-2/phone-token": { status: 409, body: { error: "no_phone" } } });
    await expect(issueDemoPhoneToken(simulator, "a-2")).rejects.toThrow(
      "Tài khoản Zalo này chưa có số điện thoại nên không chia sẻ được.",
    );
  });

  it("interacts with the OA and records the notification choice for the persona, empty answers accepted", async () => {
    const api = fakeApi({
      "POST /__sim/users/a%201/interact-oa": { status: 204 },
      "POST /__sim/users/a-1/allow-notifications": { body: {} },
    });
    await expect(interactOAAsPersona(simulator, "a 1")).resolves.toBeUndefined();
    await expect(allowNotificationsAsPersona(simulator, "a-1", false)).resolves.toBeUndefined();
    expect(api.calls.map((call) => [call.url, call.body])).toEqual([
      ["/__sim/users/a%201/interact-oa", undefined],
      ["/__sim/users/a-1/allow-notifications", { allowed: false }],
    ]);
    expect(api.calls[1]?.headers["content-type"]).toBe("application/json");
    fakeApi({ "POST /__sim/users/a-1/interact-oa": { status: 500 } });
    await expect(interactOAAsPersona(simulator, "a-1")).rejects.toThrow("Trình giả lập Zalo trả lỗi 500.");
    fakeApi({ "POST /__sim/users/a-1/allow-notifications": offline });
    await expect(allowNotificationsAsPersona(simulator, "a-1", true)).rejects.toThrow(
      "Không kết nối được trình giả lập Zalo.",
    );
  });
});
