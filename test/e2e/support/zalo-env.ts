/** The app, OA and Mini App ids a test system is set up with (the simulator is given the same). */
export interface ZaloIds {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  miniAppId: string;
}

/** The bot server's Zalo settings with every Zalo host pointed at a simulator. */
export function zaloEnvFor(simUrl: string, ids: ZaloIds): Record<string, string> {
  return {
    ZALO_APP_ID: ids.appId,
    ZALO_APP_SECRET: ids.appSecret,
    ZALO_OA_ID: ids.oaId,
    ZALO_OA_SECRET_KEY: ids.oaSecretKey,
    ZALO_MINI_APP_ID: ids.miniAppId,
    ZALO_OPENAPI_BASE_URL: simUrl,
    ZALO_GRAPH_BASE_URL: simUrl,
    ZALO_OAUTH_BASE_URL: simUrl,
    ZALO_BUSINESS_BASE_URL: simUrl,
    ZALO_MINIAPP_OPENAPI_BASE_URL: simUrl,
  };
}
