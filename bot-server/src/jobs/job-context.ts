import type { JobName, JobPayload } from "@loa-phuong/shared";
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import type { Queues } from "../queue/queues.js";
import type { Db } from "../store/database.js";
import type { IntakeMeter } from "../webhooks/intake-meter.js";
import type { MiniAppClient } from "../zalo/miniapp-client.js";
import type { OaClient } from "../zalo/oa-client.js";
import type { OaTokenStore } from "../zalo/oa-token-store.js";

/** What every job handler may use. */
export interface JobContext {
  config: Config;
  logger: Logger;
  db: Db;
  queues: Queues;
  oa: OaClient;
  /** Mini App notifications; absent when the ward has no Mini App API key. */
  miniApp?: MiniAppClient | undefined;
  /** The OA's tokens (checked and refreshed ahead of time). */
  tokens: OaTokenStore;
  /** The webhook intake of this process, when it runs one (applying sizes its runs by it). */
  intake?: IntakeMeter;
  /** Pauses the delivery worker when Zalo answers -32 (rate limit reached). */
  rateLimitDeliveries(ms: number): Promise<void>;
}

export type JobHandler<N extends JobName> = (
  ctx: JobContext,
  payload: JobPayload<N>,
  job: Job,
  token: string | undefined,
) => Promise<void>;
