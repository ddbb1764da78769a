import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { type Config, resolveFromRoot } from "../config/config.js";
import type { ApiContext } from "../http/api-context.js";
import { createApp } from "../http/app.js";
import { startWorkers, type Workers } from "../jobs/workers.js";
import { createLogger } from "../logger.js";
import { closeQueues, createQueues, type Queues } from "../queue/queues.js";
import { checkEvictionPolicy, createRedis, waitUntilReady } from "../queue/redis.js";
import { raiseAlertOnce, resolveAlerts } from "../services/staff-alerts.js";
import { openStore, type Store, storeOptionsFromConfig } from "../store/database.js";
import { secretBoxFor } from "../store/secret-box.js";
import { IntakeMeter } from "../webhooks/intake-meter.js";
import { GraphClient } from "../zalo/graph-client.js";
import { createZaloHttp } from "../zalo/http.js";
import { MiniAppClient } from "../zalo/miniapp-client.js";
import { OaClient } from "../zalo/oa-client.js";
import { OaTokenStore } from "../zalo/oa-token-store.js";
import { SendPacer } from "../zalo/send-pacer.js";
import { runShutdown, type ShutdownStep } from "./shutdown.js";

export interface RuntimeOptions {
  /** Serve HTTP (the API process). */
  api: boolean;
  /** Run BullMQ workers (the worker process). */
  worker: boolean;
  logger?: Logger;
  /** An already-open store (tests share one); otherwise opened from the config. */
  store?: Store;
}

export interface Runtime {
  config: Config;
  logger: Logger;
  store: Store;
  queues: Queues;
  tokens: OaTokenStore;
  app: Express | undefined;
  server: Server | undefined;
  workers: Workers | undefined;
  /** The URL the API listens on, when it does. */
  url: string | undefined;
  stop(): Promise<void>;
}

/** Builds a process from its parts in dependency order; `stop` takes them down in reverse. */
export async function startRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const logger =
    options.logger ??
    createLogger(
      config.LOG_LEVEL,
      options.api && options.worker ? "loa" : options.api ? "loa-api" : "loa-worker",
    );
  const dataDir = resolveFromRoot(config.DATA_DIR);
  const store =
    options.store ??
    (await openStore(storeOptionsFromConfig({ DATABASE_URL: config.DATABASE_URL, dataDir })));
  const producerRedis = createRedis(config.REDIS_URL, "producer");
  producerRedis.on("error", (err) => logger.debug({ err }, "redis (producer) error"));
  const workerRedis: Redis | undefined = options.worker ? createRedis(config.REDIS_URL, "worker") : undefined;
  workerRedis?.on("error", (err) => logger.warn({ err }, "redis (worker) error"));
  await waitUntilReady(producerRedis, 5000).catch((err: unknown) => {
    throw new Error(
      `Không kết nối được Redis tại ${config.REDIS_URL}: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  const evictionProblem = await checkEvictionPolicy(producerRedis).catch(() => undefined);
  if (evictionProblem) logger.error(evictionProblem);

  const queues = createQueues(producerRedis, config.QUEUE_PREFIX);
  const tokens = new OaTokenStore({
    db: store.db,
    oauthHttp: createZaloHttp(config.ZALO_OAUTH_BASE_URL, config.ZALO_HTTP_TIMEOUT_MS),
    appId: config.ZALO_APP_ID,
    appSecret: config.ZALO_APP_SECRET,
    oaId: config.ZALO_OA_ID,
    secrets: secretBoxFor(config.SECRETS_KEY),
    initialRefreshToken: config.ZALO_OA_REFRESH_TOKEN,
    onAuthorizationLost: async (error) => {
      logger.error(
        { err: error },
        "the OA lost its authorisation: OA messages are paused until it is granted again",
      );
      await raiseAlertOnce(store.db, {
        wardId: config.WARD_ID,
        kind: "oa_authorization_lost",
        message:
          `${error.message} Các đợt gửi đang chạy đã tạm dừng; người dân vẫn xem tin trong Mini App. ` +
          "Cấp lại quyền rồi bấm “Tiếp tục”.",
      });
    },
    onAuthorized: () => resolveAlerts(store.db, config.WARD_ID, "oa_authorization_lost"),
  });
  const graph = new GraphClient(
    createZaloHttp(config.ZALO_GRAPH_BASE_URL, config.ZALO_HTTP_TIMEOUT_MS),
    config.ZALO_APP_SECRET,
    config.ZALO_USE_APPSECRET_PROOF,
    config.ZALO_MINI_APP_ID,
  );
  const oa = new OaClient({
    http: createZaloHttp(config.ZALO_OPENAPI_BASE_URL, config.ZALO_HTTP_TIMEOUT_MS),
    tokens,
    appSecret: config.ZALO_APP_SECRET,
    useAppSecretProof: config.ZALO_USE_APPSECRET_PROOF,
    businessHttp: createZaloHttp(config.ZALO_BUSINESS_BASE_URL, config.ZALO_HTTP_TIMEOUT_MS),
    pacer: new SendPacer(producerRedis, {
      perMinute: config.ZALO_RATE_LIMIT_PER_MINUTE,
      keyPrefix: config.QUEUE_PREFIX,
      appId: config.ZALO_APP_ID,
      callTimeoutMs: config.ZALO_HTTP_TIMEOUT_MS,
    }),
  });

  const miniApp = config.ZALO_MINIAPP_API_KEY
    ? new MiniAppClient({
        http: createZaloHttp(config.ZALO_MINIAPP_OPENAPI_BASE_URL, config.ZALO_HTTP_TIMEOUT_MS),
        apiKey: config.ZALO_MINIAPP_API_KEY,
        miniAppId: config.ZALO_MINI_APP_ID,
      })
    : undefined;

  const intake = new IntakeMeter();
  let shuttingDown = false;
  let app: Express | undefined;
  let server: Server | undefined;
  let url: string | undefined;
  if (options.api) {
    const ctx: ApiContext = {
      config,
      logger,
      db: store.db,
      queues,
      redis: producerRedis,
      graph,
      tokens,
      intake,
    };
    app = createApp(ctx, {
      miniAppDistDir: resolveFromRoot(config.MINI_APP_DIST_DIR),
      isShuttingDown: () => shuttingDown,
    });
    server = createServer(app);
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(config.PORT, config.HOST, () => resolve());
    });
    const address = server.address() as AddressInfo;
    url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${address.port}`;
  }
  const workers = workerRedis
    ? await startWorkers(
        { config, logger, db: store.db, queues, oa, miniApp, tokens, ...(options.api ? { intake } : {}) },
        workerRedis,
        config.QUEUE_PREFIX,
      )
    : undefined;

  const steps: ShutdownStep[] = [
    {
      name: "stop accepting HTTP",
      run: async () => {
        shuttingDown = true;
        if (server) await closeServer(server);
      },
    },
    { name: "close workers", run: async () => workers?.close() },
    { name: "close queues", run: () => closeQueues(queues) },
    {
      name: "close Redis",
      run: async () => {
        producerRedis.disconnect();
        workerRedis?.disconnect();
      },
    },
    ...(options.store ? [] : [{ name: "close store", run: () => store.close() }]),
  ];
  return {
    config,
    logger,
    store,
    queues,
    tokens,
    app,
    server,
    workers,
    url,
    stop: () => runShutdown(steps, logger, config.SHUTDOWN_TIMEOUT_MS),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
  });
}
