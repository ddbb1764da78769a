/**
 * zmp-sdk, in the parts the app loads. The whole SDK is ~58 KB gzip; a first open inside Zalo needs
 * only the user's access token, which zmp-sdk's own modules give alone in ~17 KB (its package marks
 * every module but its entry free of side effects), and a later open the device storage (~14 KB
 * more). So the first screen waits for those parts, and the whole SDK — whose entry also logs in
 * and registers `window.ZaloMiniAppSDK`, as it always did — is loaded once the app has rendered.
 * The parts and the whole share their modules (one token store, one native bridge): the bundler
 * puts what they share in chunks of their own. `sdk.ts` is the only user of this module.
 */
export type ZaloSdk = typeof import("zmp-sdk/apis");

export function loadTokenPart(): Promise<Pick<ZaloSdk, "getAccessToken">> {
  return import("zmp-sdk/apis/apis/getAccessToken.js");
}

export function loadStoragePart(): Promise<Pick<ZaloSdk, "nativeStorage">> {
  return import("zmp-sdk/apis/apis/native-storage/index.js");
}

export function loadWholeSdk(): Promise<ZaloSdk> {
  return import("zmp-sdk/apis");
}
