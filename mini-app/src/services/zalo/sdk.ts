import { isInsideZalo } from "./environment";
import { loadStoragePart, loadTokenPart, loadWholeSdk, type ZaloSdk } from "./sdk-parts";

/**
 * The only module that calls zmp-sdk, and only inside Zalo. The SDK comes in parts (sdk-parts.ts):
 * the access token and the device storage, which the first screen waits for, alone; the whole SDK
 * for everything else.
 */
function loadedOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!isInsideZalo()) {
      return Promise.reject(new ZaloError(0, "Vui lòng mở Loa Phường trong ứng dụng Zalo."));
    }
    // A failed download (weak network) is not kept, so "Thử lại" fetches it again.
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const tokenPart = loadedOnce(loadTokenPart);
// The storage's part after the token's: a first open's sign-in does not share the link with bytes
// it does not need yet, and most of what the storage needs comes with the token's part.
const storagePart = loadedOnce(() => tokenPart().then(loadStoragePart, loadStoragePart));
const wholeSdk = loadedOnce(loadWholeSdk);

/** A zmp-sdk failure with a Vietnamese message; `code` is the SDK's (e.g. -201 refused, -1404 old Zalo). */
export class ZaloError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ZaloError";
  }
}

const messagesByCode: Record<number, string> = {
  [-201]: "Bạn đã từ chối yêu cầu.",
  [-2002]: "Bạn đã từ chối yêu cầu.",
  [-2003]: "Bạn đã huỷ thao tác.",
  [-1404]: "Phiên bản Zalo của bạn chưa hỗ trợ tính năng này, vui lòng cập nhật Zalo.",
  [-1408]: "Zalo phản hồi quá lâu, vui lòng thử lại.",
  [-1409]: "Bạn thao tác quá nhanh, vui lòng thử lại sau.",
};

/**
 * SDK calls reject with plain `{code, message}` objects, not Errors: turn them into something the UI
 * can show. `ownMessages` says what a code means for this call in particular.
 */
function toZaloError(reason: unknown, fallback: string, ownMessages: Record<number, string> = {}): ZaloError {
  if (reason instanceof ZaloError) return reason;
  const code =
    typeof reason === "object" && reason !== null && "code" in reason ? Number(reason.code) : Number.NaN;
  if (Number.isNaN(code)) return new ZaloError(-2000, fallback);
  return new ZaloError(code, ownMessages[code] ?? messagesByCode[code] ?? fallback);
}

async function callSdk<Sdk, T>(
  load: () => Promise<Sdk>,
  fallback: string,
  call: (zalo: Sdk) => Promise<T>,
  ownMessages?: Record<number, string>,
): Promise<T> {
  try {
    return await call(await load());
  } catch (reason) {
    throw toZaloError(reason, fallback, ownMessages);
  }
}

/** The Zalo user access token the ward server verifies with Zalo's Graph API. */
export async function getZaloAccessToken(): Promise<string> {
  const token = await callSdk(
    tokenPart,
    "Không lấy được phiên đăng nhập Zalo, vui lòng mở lại ứng dụng.",
    (zalo) => zalo.getAccessToken(),
  );
  if (token === "") throw new ZaloError(-1401, "Zalo chưa cấp phiên đăng nhập, vui lòng mở lại ứng dụng.");
  return token;
}

/** Asks Zalo to follow the ward's Official Account (Zalo shows its own confirmation). */
export function followOA(oaId: string): Promise<void> {
  return callSdk(wholeSdk, "Không quan tâm được Official Account, vui lòng thử lại.", (zalo) =>
    zalo.followOA({ id: oaId, showDialogConfirm: true }),
  );
}

/**
 * Asks the resident to let the ward's OA message them (Zalo shows its own prompt, SDK ≥ 2.28.8). Zalo
 * then counts an interaction with the OA, which opens the 7-day window for its messages.
 */
export function interactOA(oaId: string): Promise<void> {
  const refused =
    "Bạn đã từ chối trên Zalo, nên phường chưa nhắn tin cho bạn được. Bạn có thể cho phép lại sau.";
  return callSdk(
    wholeSdk,
    "Không gửi được lời cho phép tới Zalo, vui lòng thử lại.",
    (zalo) => zalo.interactOA({ oaId }),
    { [-201]: refused },
  );
}

/** Opens Zalo's share sheet for a page of this Mini App; resolves false when the user cancels. */
export async function openShareSheet(share: {
  title: string;
  description: string;
  thumbnail: string;
  /** Path inside the Mini App, without the /zapps/<id> prefix, e.g. "/post/123?relay=r-…". */
  path: string;
}): Promise<boolean> {
  const result = await callSdk(wholeSdk, "Không mở được bảng chia sẻ của Zalo, vui lòng thử lại.", (zalo) =>
    zalo.openShareSheet({ type: "zmp_deep_link", data: share }),
  );
  return result.status !== 0;
}

/**
 * Zalo re-opens the already running app when the resident taps another link to it (a relay link
 * in a group chat); the SDK hands over the app-relative path, query included. Returns the unsubscribe.
 */
export async function onZaloOpenApp(handler: (path: string) => void): Promise<() => void> {
  const zalo = await wholeSdk();
  const listener = (data: { path?: unknown } | null) => {
    if (typeof data?.path === "string" && data.path !== "") handler(data.path);
  };
  zalo.events.on(zalo.EventName.OpenApp, listener);
  return () => void zalo.events.off(zalo.EventName.OpenApp, listener);
}

/** A single-use token (2 minutes) the ward server exchanges for the number; the number never reaches the app. */
export async function getPhoneNumberToken(): Promise<string> {
  const { token } = await callSdk(
    wholeSdk,
    "Không lấy được số điện thoại từ Zalo, vui lòng thử lại.",
    (zalo) => zalo.getPhoneNumber(),
  );
  if (!token) throw new ZaloError(-1401, "Zalo chưa cho phép chia sẻ số điện thoại, vui lòng thử lại.");
  return token;
}

/** Asks the resident to let the ward's OA notify them through the Mini App (Zalo shows its own prompt). */
export function requestNotificationPermission(): Promise<void> {
  return callSdk(wholeSdk, "Không bật được thông báo, vui lòng thử lại.", (zalo) =>
    zalo.requestSendNotification(),
  );
}

/** Photos from the album or the camera, as the files Zalo hands over (read with fetch). */
export async function chooseZaloImages(count: number): Promise<Blob[]> {
  const { filePaths } = await callSdk(wholeSdk, "Không chọn được ảnh, vui lòng thử lại.", (zalo) =>
    zalo.chooseImage({ count, sourceType: ["album", "camera"] }),
  );
  return Promise.all(
    filePaths.map(async (filePath) => {
      const response = await fetch(filePath);
      if (!response.ok) throw new ZaloError(-2000, "Không đọc được ảnh đã chọn, vui lòng thử lại.");
      return response.blob();
    }),
  );
}

/** Zalo's key-value storage (5 MB, synchronous once its part is loaded). */
export async function zaloNativeStorage(): Promise<ZaloSdk["nativeStorage"]> {
  return (await storagePart()).nativeStorage;
}
