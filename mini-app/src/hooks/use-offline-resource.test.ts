import type { FeedItem } from "@loa-phuong/shared";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fetchFeed } from "../services/api";
import { cacheFeed, readCachedFeed } from "../services/offline-cache";
import { fakeApi, offline, type Route } from "../testing/fake-api";
import { feedItem } from "../testing/render-app";
import { useOfflineResource } from "./use-offline-resource";

/** The home feed's use of it: the page from the server, or the copy kept on the phone. */
function useFeed() {
  return useOfflineResource(
    "feed:res-1:all",
    (signal) => fetchFeed("session-token", { kind: null, limit: 20 }, signal).then((page) => page.items),
    {
      read: () => readCachedFeed("res-1", "all"),
      write: (items: FeedItem[]) => cacheFeed("res-1", "all", items),
    },
  );
}

const post = feedItem({ title: "Lịch tiêm chủng tháng 6" });

describe("useOfflineResource", () => {
  it("shows what the server sends and keeps a copy on the phone", async () => {
    fakeApi({ "GET /api/feed": { body: { items: [post] } } });
    const { result } = renderHook(useFeed);
    expect(result.current.status).toBe("loading");
    await waitFor(() =>
      expect(result.current).toMatchObject({ status: "ready", data: { data: [post], savedAt: null } }),
    );
    await waitFor(async () => expect((await readCachedFeed("res-1", "all"))?.data).toEqual([post]));
  });

  it("serves the saved copy, with when it was saved, once the network is gone", async () => {
    let network: Route = { body: { items: [post] } };
    fakeApi({ "GET /api/feed": (call) => (typeof network === "function" ? network(call) : network) });
    const { result } = renderHook(useFeed);
    await waitFor(() => expect(result.current.status).toBe("ready"));
    await waitFor(async () => expect(await readCachedFeed("res-1", "all")).not.toBeNull());

    network = offline;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.status).toBe("ready"));
    const { savedAt } = (await readCachedFeed("res-1", "all"))!;
    expect(result.current).toMatchObject({ status: "ready", data: { data: [post], savedAt } });
    expect(savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("serves the saved copy when the server is down (5xx)", async () => {
    await cacheFeed("res-1", "all", [post]);
    fakeApi({ "GET /api/feed": { status: 503, body: { error: "queue_unavailable" } } });
    const { result } = renderHook(useFeed);
    await waitFor(() => expect(result.current.status).toBe("ready"));
    expect(result.current.status === "ready" && result.current.data.savedAt).toBeTruthy();
  });

  it("says the server cannot be reached when nothing was saved", async () => {
    fakeApi({ "GET /api/feed": offline });
    const { result } = renderHook(useFeed);
    await waitFor(() =>
      expect(result.current).toMatchObject({
        status: "failed",
        message: "Không kết nối được máy chủ của phường, vui lòng kiểm tra mạng và thử lại.",
      }),
    );
  });

  it("shows a refusal (4xx) rather than an old copy", async () => {
    await cacheFeed("res-1", "all", [post]);
    fakeApi({ "GET /api/feed": { status: 403, body: { error: "forbidden" } } });
    const { result } = renderHook(useFeed);
    await waitFor(() =>
      expect(result.current).toMatchObject({
        status: "failed",
        message: "Bạn không có quyền thực hiện thao tác này.",
      }),
    );
  });
});
