import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import type { Queues } from "../queue/queues.js";
import type { Db } from "../store/database.js";
import type { IntakeMeter } from "../webhooks/intake-meter.js";
import type { GraphClient } from "../zalo/graph-client.js";
import type { OaTokenStore } from "../zalo/oa-token-store.js";

/** What the API process's routes may use. The API only produces jobs; it never sends to Zalo itself. */
export interface ApiContext {
  config: Config;
  logger: Logger;
  db: Db;
  queues: Queues;
  redis: Redis;
  graph: GraphClient;
  /** The OA's tokens: admins connect the OA through Zalo's consent screen. */
  tokens: OaTokenStore;
  /** Shared with the workers of the same process, which size their webhook runs by it. */
  intake?: IntakeMeter;
}
