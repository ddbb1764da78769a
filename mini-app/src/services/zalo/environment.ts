/**
 * True inside the Zalo app. Decided from the host page and Zalo's native bridges, the same signals
 * zmp-sdk uses, so that a desktop browser never loads the SDK (its import starts a login that
 * rejects outside Zalo).
 */
export function isInsideZalo(): boolean {
  return (
    window.location.hostname.includes("h5.zdn.vn") ||
    window.ZJSBridge !== undefined ||
    window.ZaloJavaScriptInterface !== undefined
  );
}
