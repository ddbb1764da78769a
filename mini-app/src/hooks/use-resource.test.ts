import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred } from "../testing/fake-api";
import { useResource } from "./use-resource";

describe("useResource", () => {
  it("is loading, then holds the data", async () => {
    const answer = deferred<string[]>();
    const { result } = renderHook(() => useResource("groups", () => answer.promise));
    expect(result.current.status).toBe("loading");
    await act(async () => answer.resolve(["Tổ dân phố số 3"]));
    expect(result.current).toMatchObject({ status: "ready", data: ["Tổ dân phố số 3"] });
  });

  it("fails with the error's message, or a general one", async () => {
    const { result, rerender } = renderHook(
      ({ key }) => useResource(key, () => Promise.reject(failures[key])),
      {
        initialProps: { key: "own" as keyof typeof failures },
      },
    );
    await waitFor(() =>
      expect(result.current).toMatchObject({ status: "failed", message: "Không tìm thấy dữ liệu." }),
    );
    rerender({ key: "plain" });
    await waitFor(() =>
      expect(result.current).toMatchObject({
        status: "failed",
        message: "Đã có lỗi xảy ra, vui lòng thử lại.",
      }),
    );
  });

  it("loads again on reload (“Thử lại”)", async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useResource("feed", async () => {
        calls++;
        if (calls === 1) throw new Error("Mạng chậm, máy chủ chưa trả lời. Vui lòng thử lại.");
        return "bản tin";
      }),
    );
    await waitFor(() => expect(result.current.status).toBe("failed"));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current).toMatchObject({ status: "ready", data: "bản tin" }));
    expect(calls).toBe(2);
  });

  it("does not load again on a re-render with the same key", async () => {
    let calls = 0;
    const { result, rerender } = renderHook(() => useResource("feed", async () => ++calls));
    await waitFor(() => expect(result.current.status).toBe("ready"));
    rerender();
    rerender();
    expect(calls).toBe(1);
  });

  it("drops the old request's late answer when the key changes", async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = {
      news: deferred(),
      all: deferred(),
    };
    const signals: AbortSignal[] = [];
    const { result, rerender } = renderHook(
      ({ tab }) =>
        useResource(`feed:${tab}`, (signal) => {
          signals.push(signal);
          return answers[tab]!.promise;
        }),
      { initialProps: { tab: "news" } },
    );
    rerender({ tab: "all" });
    expect(signals[0]?.aborted).toBe(true);
    await act(async () => answers.all!.resolve("tất cả"));
    await act(async () => answers.news!.resolve("tin tức"));
    expect(result.current).toMatchObject({ status: "ready", data: "tất cả" });
  });
});

const failures = { own: new Error("Không tìm thấy dữ liệu."), plain: "not an Error" };
