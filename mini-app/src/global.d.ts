/** What the ward server injects before the bundle (see config.ts for the fallbacks). */
interface LoaRuntimeConfig {
  /** Origin of the ward server's API; "" means the origin the Mini App is served from. */
  apiBaseUrl: string;
  miniAppId: string;
  /** The ward's Official Account, for the "follow" button. */
  oaId: string;
  /** Set only in demo mode: a desktop browser picks a simulated resident from the Zalo simulator. */
  demo: { simulatorUrl: string } | null;
  /** How broadcasts are worded as OA messages, for the staff preview; absent = "list_button". */
  oaMessageFormat?: "text_link" | "list_button";
}

interface Window {
  /** Set by the Zalo host (and by the ward server); zmp-ui's router uses it for /zapps/<APP_ID>. */
  APP_ID: string;
  LOA_CONFIG?: LoaRuntimeConfig;
  /** Zalo's native bridges; present only inside the Zalo app. */
  ZJSBridge?: unknown;
  ZaloJavaScriptInterface?: unknown;
}

interface ImportMetaEnv {
  /** Used when the host does not run the ward server's config script (Zalo loads the bundle from app-config.json). */
  readonly VITE_LOA_API_BASE_URL?: string;
  readonly VITE_LOA_OA_ID?: string;
}
