export { startZaloSim } from "./simulator.js";
export { signWebhook } from "./webhooks/sign.js";
export { appSecretProof } from "./middleware/zalo-api.js";
export { OAuthError } from "./routes/oauth.router.js";
export { ZaloError } from "./envelope.js";
export type {
  InboundMessage,
  LedgerEntry,
  SimFaults,
  SimLogger,
  SimStats,
  SimUser,
  WebhookAttempt,
  ZaloSim,
  ZaloSimOptions,
} from "./types.js";
