import type { SimLogger, WebhookAttempt } from "../types.js";
import { DelayedFifo, FifoQueue } from "../util/fifo-queue.js";
import type { WebhookEvent } from "./events.js";
import { signWebhook } from "./sign.js";
import type { WebhookLog } from "./webhook-log.js";

export interface DispatcherOptions {
  appId: string;
  oaSecretKey: string;
  getUrl: () => string | undefined;
  retryDelaysMs: number[];
  timeoutMs: number;
  concurrency: number;
  queueLimit: number;
  log: WebhookLog;
  logger: SimLogger;
  now: () => number;
}

interface Job {
  event: WebhookEvent;
  /** Serialised once, at the first attempt, so retries resend identical bytes. */
  body?: string;
  signature?: string;
  numRetry: number;
  settleFirstAttempt?: () => void;
}

type Outcome =
  | { status: number; error?: string }
  | { status: null; error: string; isConnectionError: boolean };

/**
 * Delivers webhook events: in order per user (one in flight per user), up to `concurrency` users
 * at once, retrying only when no connection could be made (as Zalo does, reference §5.1) after
 * `retryDelaysMs`. Waiting retries sit in one FIFO per retry level, so timers stay bounded.
 */
export class WebhookDispatcher {
  private readonly perUser = new Map<string, FifoQueue<Job>>();
  private readonly ready = new FifoQueue<string>();
  private readonly retryLevels: DelayedFifo<string>[];
  private readonly controllers = new Set<AbortController>();
  private inFlight = 0;
  private pending = 0;
  private closed = false;
  private lastDropWarning = 0;
  readonly counters = { delivered: 0, failed: 0, dropped: 0 };

  constructor(private readonly opts: DispatcherOptions) {
    this.retryLevels = opts.retryDelaysMs.map(
      (delay) =>
        new DelayedFifo<string>(
          delay,
          (userIds) => {
            for (const userId of userIds) this.ready.push(userId);
            this.pump();
          },
          (error) => opts.logger.error("webhook retry timer failed", { error: String(error) }),
        ),
    );
  }

  stats(): { queued: number; inFlight: number } & WebhookDispatcher["counters"] {
    return { queued: this.pending, inFlight: this.inFlight, ...this.counters };
  }

  /** With `awaitFirstAttempt`, returns a promise settled once the first attempt has finished. */
  enqueue(event: WebhookEvent, options: { awaitFirstAttempt?: boolean } = {}): Promise<void> {
    if (this.closed || this.opts.getUrl() === undefined)
      return this.drop("no webhook URL or simulator closed");
    if (this.pending >= this.opts.queueLimit) return this.drop("webhook queue full");
    const job: Job = { event, numRetry: 0 };
    const settled = options.awaitFirstAttempt
      ? new Promise<void>((resolve) => (job.settleFirstAttempt = resolve))
      : Promise.resolve();
    let queue = this.perUser.get(event.userIdByOa);
    if (!queue) {
      queue = new FifoQueue<Job>();
      this.perUser.set(event.userIdByOa, queue);
    }
    queue.push(job);
    this.pending++;
    // A user with older jobs is already ready, in flight or waiting to retry; it picks this up later.
    if (queue.length === 1) {
      this.ready.push(event.userIdByOa);
      this.pump();
    }
    return settled;
  }

  close(): void {
    this.closed = true;
    for (const level of this.retryLevels) level.clear();
    for (const controller of this.controllers) controller.abort(new Error("simulator closed"));
    for (const queue of this.perUser.values()) {
      for (let job = queue.shift(); job; job = queue.shift()) job.settleFirstAttempt?.();
    }
    this.perUser.clear();
    this.ready.clear();
  }

  private drop(reason: string): Promise<void> {
    this.counters.dropped++;
    const now = performance.now();
    // One warning per second at most: a benchmark without a receiver would otherwise flood stderr.
    if (now - this.lastDropWarning > 1000 && reason !== "no webhook URL or simulator closed") {
      this.lastDropWarning = now;
      this.opts.logger.warn("webhook event dropped", { reason, dropped: this.counters.dropped });
    }
    return Promise.resolve();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.opts.concurrency && this.ready.length > 0) {
      const userId = this.ready.shift();
      if (userId === undefined) break;
      this.inFlight++;
      this.attempt(userId)
        .catch((error: unknown) =>
          this.opts.logger.error("webhook attempt crashed", { error: String(error) }),
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  private async attempt(userId: string): Promise<void> {
    const queue = this.perUser.get(userId);
    const job = queue?.peek();
    if (!queue || !job) return;
    const url = this.opts.getUrl();
    if (url === undefined) {
      this.finishJob(userId, queue, job);
      this.counters.dropped++;
      return;
    }
    if (job.body === undefined) {
      job.body = JSON.stringify(job.event.payload);
      job.signature = signWebhook({
        appId: this.opts.appId,
        rawBody: job.body,
        timestamp: job.event.timestamp,
        secret: this.opts.oaSecretKey,
      });
    }
    const startedAt = this.opts.now();
    const started = performance.now();
    const outcome = await this.post(url, job);
    if (this.closed) return;
    const canRetry =
      outcome.status === null && outcome.isConnectionError && job.numRetry < this.retryLevels.length;
    const attempt: WebhookAttempt = {
      eventName: job.event.eventName,
      userIdByOa: userId,
      url,
      numRetry: job.numRetry,
      body: job.body,
      signature: job.signature ?? "",
      timestamp: job.event.timestamp,
      status: outcome.status,
      willRetry: canRetry,
      startedAt,
      durationMs: Math.round(performance.now() - started),
    };
    if (outcome.error !== undefined) attempt.error = outcome.error;
    this.opts.log.add(attempt);
    job.settleFirstAttempt?.();
    job.settleFirstAttempt = undefined;

    if (canRetry) {
      const level = this.retryLevels[job.numRetry];
      job.numRetry++;
      level?.push(userId);
      return;
    }
    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) this.counters.delivered++;
    else {
      this.counters.failed++;
      this.opts.logger.warn("webhook delivery failed", { event: job.event.eventName, userId, ...outcome });
    }
    this.finishJob(userId, queue, job);
  }

  private finishJob(userId: string, queue: FifoQueue<Job>, job: Job): void {
    queue.shift();
    this.pending--;
    job.settleFirstAttempt?.();
    if (queue.length > 0) this.ready.push(userId);
    else this.perUser.delete(userId);
  }

  private async post(url: string, job: Job): Promise<Outcome> {
    const controller = new AbortController();
    this.controllers.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`no answer within ${this.opts.timeoutMs} ms`));
    }, this.opts.timeoutMs);
    try {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-zevent-signature": job.signature ?? "",
      };
      if (job.numRetry > 0) headers.num_retry = String(job.numRetry);
      const res = await fetch(url, { method: "POST", headers, body: job.body, signal: controller.signal });
      try {
        // Drain the body so the keep-alive connection can be reused.
        await res.arrayBuffer();
      } catch (error) {
        // The status already arrived, which is all Zalo looks at; keep the read failure visible.
        return { status: res.status, error: `reading the answer failed: ${String(error)}` };
      }
      return { status: res.status };
    } catch (error) {
      const reason = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
      return { status: null, error: timedOut ? "timeout" : reason, isConnectionError: !timedOut };
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }
}

function causeOf(error: Error): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (!cause) return "";
  return `: ${cause.code ?? cause.message ?? String(cause)}`;
}
