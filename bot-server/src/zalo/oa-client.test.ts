import axios from "axios";
import { describe, expect, it } from "vitest";
import { CallTooLate, OaClient } from "./oa-client.js";
import type { OaTokenStore } from "./oa-token-store.js";

describe("the OA client's start deadline", () => {
  const calls: string[] = [];
  const http = axios.create({
    baseURL: "http://127.0.0.1:9",
    adapter: async (config) => {
      calls.push(String(config.url));
      return {
        data: { error: 0, message: "Success", data: { message_id: "m-1", user_id: "u-1" } },
        status: 200,
        statusText: "OK",
        headers: {},
        config,
      };
    },
  });
  const tokens = {
    getAccessToken: async () => "token",
    refresh: async () => "token",
  } as unknown as OaTokenStore;
  const oa = new OaClient({ http, tokens, appSecret: "secret", useAppSecretProof: false });

  it("never makes a call whose time to start has passed, and makes it while there is time", async () => {
    await expect(
      oa.sendCsMessage("u-1", { text: "Thông báo" }, { startBy: Date.now() - 1 }),
    ).rejects.toBeInstanceOf(CallTooLate);
    expect(calls).toEqual([]);
    await expect(
      oa.sendCsMessage("u-1", { text: "Thông báo" }, { startBy: Date.now() + 60_000 }),
    ).resolves.toEqual({ messageId: "m-1" });
    expect(calls).toEqual(["/v3.0/oa/message/cs"]);
  });
});
