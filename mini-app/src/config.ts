/**
 * Runtime configuration. The ward server injects window.LOA_CONFIG into index.html; inside Zalo the
 * host loads the bundle from www/app-config.json instead of index.html, so the build-time values
 * are the fallback there.
 */
export const runtimeConfig: LoaRuntimeConfig = window.LOA_CONFIG ?? {
  apiBaseUrl: import.meta.env.VITE_LOA_API_BASE_URL ?? "",
  miniAppId: window.APP_ID ?? "",
  oaId: import.meta.env.VITE_LOA_OA_ID ?? "",
  demo: null,
};
