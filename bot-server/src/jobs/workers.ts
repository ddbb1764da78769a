import { type JobName, jobDefinitions, jobIds, type QueueName, queueNames } from "@loa-phuong/shared";
import { type Job, Worker, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import { handleBroadcastEscalate } from "./broadcast-escalate.handler.js";
import { handleBroadcastFanout } from "./broadcast-fanout.handler.js";
import { handleBroadcastOccurrence } from "./broadcast-occurrence.handler.js";
import { handleBroadcastWave } from "./broadcast-wave.handler.js";
import { markDeliveriesFailed } from "./delivery-in-doubt.js";
import { handleDeliverySend } from "./delivery-send.handler.js";
import type { JobContext, JobHandler } from "./job-context.js";
import { handleMaintenanceReconcile, reconcileQueues } from "./maintenance-reconcile.handler.js";
import { handleOpinionLabel } from "./opinion-label.handler.js";
import { handleOpinionSpikes } from "./opinion-spikes.handler.js";
import { handleRelayEscalate, handleRelayRemind } from "./relay-deadlines.handler.js";
import { handleSignalReply } from "./signal-reply.handler.js";
import { handleTaskEscalate, handleTaskRemind } from "./task-deadlines.handler.js";
import { handleWebhookProcess } from "./webhook-process.handler.js";
import { handleZaloTokenCheck } from "./zalo-token-check.handler.js";

const handlers: { [N in JobName]: JobHandler<N> } = {
  "broadcast.fanout": handleBroadcastFanout,
  "broadcast.wave": handleBroadcastWave,
  "broadcast.occurrence": handleBroadcastOccurrence,
  "broadcast.escalate": handleBroadcastEscalate,
  "maintenance.reconcile": handleMaintenanceReconcile,
  "delivery.send": handleDeliverySend,
  "webhook.process": handleWebhookProcess,
  "relay.remind": handleRelayRemind,
  "relay.escalate": handleRelayEscalate,
  "task.remind": handleTaskRemind,
  "task.escalate": handleTaskEscalate,
  "signal.reply": handleSignalReply,
  "opinion.label": handleOpinionLabel,
  "opinion.spikes": handleOpinionSpikes,
  "zalo.token-check": handleZaloTokenCheck,
};

/**
 * Applying webhooks is paced: 4 runs a second, each of up to 100 open events while the intake is busy
 * (400 a second) and up to 500 once it is quiet (2,000 a second). Under a burst the store's time goes
 * first to recording what Zalo sends — Zalo wants its answer within 2 seconds — and the backlog is
 * applied right after.
 */
const WEBHOOK_APPLY_LIMIT = { max: 4, duration: 1000 };

export interface Workers {
  workers: Worker[];
  close(): Promise<void>;
}

/** Starts one worker per queue; each re-parses payloads with the registry's schema before its handler runs. */
export async function startWorkers(
  base: Omit<JobContext, "rateLimitDeliveries">,
  connection: Redis,
  prefix: string,
): Promise<Workers> {
  let deliveryWorker: Worker | undefined;
  const ctx: JobContext = {
    ...base,
    rateLimitDeliveries: async (ms) => {
      await deliveryWorker?.rateLimit(ms);
    },
  };
  const processor = async (job: Job, token?: string) => {
    const name = job.name as JobName;
    const definition = jobDefinitions[name];
    if (!definition) throw new Error(`unknown job ${job.name}`);
    const payload = definition.payload.parse(job.data);
    await (handlers[name] as JobHandler<JobName>)(ctx, payload as never, job, token);
  };
  const make = (queue: QueueName, options: Partial<WorkerOptions> = {}) =>
    // A job whose worker died is picked up again (stalled check); deliveries are safe to re-run however
    // often that happens, so a few dead workers in a row must not fail the job.
    new Worker(queue, processor, {
      connection,
      prefix,
      concurrency: 1,
      stalledInterval: ctx.config.WORKER_STALLED_INTERVAL_MS,
      lockDuration: ctx.config.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: 20,
      ...options,
    });

  // Zalo's rate limit is kept by the OA client's pacer (even spacing shared through Redis); -32 still
  // pauses this worker through rateLimit() + RateLimitError if Zalo counts differently.
  deliveryWorker = make(queueNames.deliveries, { concurrency: ctx.config.DELIVERY_CONCURRENCY });
  const workers = [
    make(queueNames.broadcasts, { concurrency: 10 }),
    deliveryWorker,
    make(queueNames.webhooks, { concurrency: 1, limiter: WEBHOOK_APPLY_LIMIT }),
    make(queueNames.replies, { concurrency: 4 }),
    make(queueNames.opinion, { concurrency: 1 }),
  ];

  for (const worker of workers) {
    worker.on("failed", (job, error) => {
      if (!job) return;
      const isFinal = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === "UnrecoverableError";
      ctx.logger.warn(
        { queue: worker.name, job: job.name, jobId: job.id, attempt: job.attemptsMade, isFinal, err: error },
        "job failed",
      );
      if (isFinal && job.name === "delivery.send") {
        markDeliveriesFailed(ctx, (job.data.deliveryIds as unknown[]).map(Number), error.message).catch(
          (e: unknown) => ctx.logger.error({ err: e }, "could not record a failed delivery"),
        );
      }
    });
    worker.on("error", (error) => ctx.logger.error({ queue: worker.name, err: error }, "worker error"));
  }

  const broadcastsQueue = ctx.queues[queueNames.broadcasts];
  // The schedules, by stable ids: every worker process upserts the same ones.
  const ensureSchedules = async () => {
    await broadcastsQueue.upsertJobScheduler(
      jobIds.reconcileScheduler,
      { every: ctx.config.RECONCILE_INTERVAL_MS },
      { name: "maintenance.reconcile", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    await broadcastsQueue.upsertJobScheduler(
      jobIds.tokenCheckScheduler,
      { every: ctx.config.ZALO_TOKEN_CHECK_INTERVAL_MS },
      { name: "zalo.token-check", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    await ctx.queues[queueNames.opinion].upsertJobScheduler(
      jobIds.opinionSpikesScheduler,
      { every: ctx.config.OPINION_SPIKE_INTERVAL_MS },
      { name: "opinion.spikes", data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  };
  await ensureSchedules();
  await reconcileQueues(ctx);

  // A flushed Redis loses the schedules too. Every worker checks for the reconciler's and puts them
  // back (upsert by a stable id is idempotent, so several processes doing this agree), then reconciles.
  const watchdog = setInterval(() => {
    broadcastsQueue
      .getJobScheduler(jobIds.reconcileScheduler)
      .then(async (scheduler) => {
        if (scheduler) return;
        ctx.logger.warn("reconciler schedule missing from Redis (flushed?); rebuilding from the store");
        await ensureSchedules();
        await reconcileQueues(ctx);
      })
      .catch((err: unknown) => ctx.logger.warn({ err }, "reconciler watchdog could not reach Redis"));
  }, ctx.config.RECONCILE_INTERVAL_MS);
  watchdog.unref();

  return {
    workers,
    close: async () => {
      clearInterval(watchdog);
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
