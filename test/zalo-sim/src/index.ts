export { MiniAppError, ZaloError, ZnsError } from "./envelope.js";
export { appSecretProof } from "./middleware/zalo-api.js";
export { OAuthError } from "./routes/oauth.router.js";
export { startZaloSim } from "./simulator.js";
export type {
  InboundMessage,
  LedgerChannelSummary,
  LedgerEntry,
  LedgerSummary,
  SimChannel,
  SimChannelError,
  SimFaults,
  SimLogger,
  SimPrices,
  SimStats,
  SimUser,
  WebhookAttempt,
  ZaloSim,
  ZaloSimOptions,
} from "./types.js";
export { signWebhook } from "./webhooks/sign.js";
