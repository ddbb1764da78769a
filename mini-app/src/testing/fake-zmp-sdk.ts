import { vi } from "vitest";

/**
 * What zmp-sdk/apis gives the app inside Zalo, for tests that play "inside Zalo": the real SDK needs
 * Zalo's native bridge. Like the SDK outside Zalo, every call rejects with a plain `{code, message,
 * api}` object until a test says otherwise.
 */
export function fakeZmpSdk() {
  const refuse = (api: string) => () => Promise.reject({ code: -2000, message: "Unknown error", api });
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  return {
    getAccessToken: vi.fn<() => Promise<string>>(refuse("getAccessToken")),
    followOA: vi.fn<(options: { id: string; showDialogConfirm?: boolean }) => Promise<void>>(
      refuse("followOA"),
    ),
    interactOA: vi.fn<(options: { oaId: string }) => Promise<void>>(refuse("interactOA")),
    getPhoneNumber: vi.fn<() => Promise<{ token?: string; number?: string }>>(refuse("getPhoneNumber")),
    requestSendNotification: vi.fn<() => Promise<void>>(refuse("requestSendNotification")),
    chooseImage: vi.fn<(options: { count: number }) => Promise<{ filePaths: string[] }>>(
      refuse("chooseImage"),
    ),
    openShareSheet: vi.fn<(options: unknown) => Promise<{ status: number }>>(refuse("openShareSheet")),
    nativeStorage: {
      getItem: vi.fn<(key: string) => string | null>(),
      setItem: vi.fn<(key: string, value: string) => void>(),
      removeItem: vi.fn<(key: string) => void>(),
    },
    EventName: { OpenApp: "h5.event.open.mp" },
    events: {
      on: vi.fn((name: string, listener: (data: unknown) => void) => {
        listeners.set(name, (listeners.get(name) ?? new Set()).add(listener));
      }),
      off: vi.fn((name: string, listener: (data: unknown) => void) => {
        listeners.get(name)?.delete(listener);
      }),
      /** Zalo's side: the event arrives. */
      emit(name: string, data: unknown) {
        for (const listener of listeners.get(name) ?? []) listener(data);
      },
    },
  };
}

/**
 * services/zalo/sdk-parts.ts over a stand-in SDK (read when a part loads, as vi.mock factories run
 * before the test file's own variables are set): each part is the stand-in; `loaded` records which
 * parts the app loaded, in order ("token", "storage", "whole").
 */
export function fakeSdkParts(zalo: () => ReturnType<typeof fakeZmpSdk>, loaded: string[] = []) {
  const part = (name: string) => () => {
    loaded.push(name);
    return Promise.resolve(zalo());
  };
  return { loadTokenPart: part("token"), loadStoragePart: part("storage"), loadWholeSdk: part("whole") };
}

/** Zalo's native bridge, which is how the app knows it runs inside Zalo. */
export function openInsideZalo(): void {
  window.ZJSBridge = {};
}

export function leaveZalo(): void {
  delete window.ZJSBridge;
  delete window.ZaloJavaScriptInterface;
}
