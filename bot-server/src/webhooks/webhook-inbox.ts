import { createHash } from "node:crypto";
import { jobIds } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import type { IntakeMeter } from "./intake-meter.js";

/** Zalo retries repeat the body byte for byte, so the body's hash identifies an event. */
export const webhookDedupeKey = (rawBody: Buffer) => createHash("sha256").update(rawBody).digest("hex");

export interface InboxEvent {
  dedupeKey: string;
  eventName: string;
  rawBody: string;
}

interface Waiting {
  event: InboxEvent;
  resolve: (result: { eventId: number | undefined }) => void;
  reject: (error: unknown) => void;
}

/**
 * Records accepted webhook events in the store before they are acknowledged, so nothing accepted is
 * lost even if Redis is flushed, then enqueues them. Requests arriving while a write is under way
 * are committed together in the next one (group commit): one INSERT per batch, each request waiting
 * for its own row to be durable, and at most one job per `enqueueEveryMs`.
 */
export class WebhookInbox {
  private waiting: Waiting[] = [];
  private writing = 0;
  /** Recorded ids not enqueued yet, and whether an enqueue went out less than `enqueueEveryMs` ago. */
  private unscheduled: number[] = [];
  private coolingDown: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly queues: Queues,
    private readonly logger: Logger,
    private readonly meter?: IntakeMeter,
    private readonly maxBatch = 500,
    /** Writes in flight at once: the next batch is at the store while the answers to the last go out. */
    private readonly maxWriting = 2,
    /** A lone event is enqueued at once; under a burst, one job carries what was recorded in this long. */
    private readonly enqueueEveryMs = 100,
  ) {}

  /** Resolves with the new event's id, or undefined when the same body was recorded before. */
  accept(event: InboxEvent): Promise<{ eventId: number | undefined }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (this.writing < this.maxWriting) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.writing >= this.maxWriting || this.waiting.length === 0) return;
    this.writing += 1;
    const batch = this.waiting.splice(0, this.maxBatch);
    try {
      await this.record(batch);
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else {
        // One event the store refuses must not cost the others their answer: each on its own.
        this.logger.warn({ err: error, events: batch.length }, "webhook batch not recorded: one by one");
        for (const w of batch) await this.record([w]).catch((e: unknown) => w.reject(e));
      }
    } finally {
      this.writing -= 1;
      if (this.waiting.length > 0) setImmediate(() => void this.flush());
    }
  }

  /** One statement of constant text whatever the batch size: three array parameters. */
  private async record(batch: Waiting[]): Promise<void> {
    const events = batch.map((w) => w.event);
    const inserted = await queryRows<{ id: number; dedupeKey: string }>(
      this.db,
      sql`insert into webhook_events (dedupe_key, event_name, raw_body)
          select * from unnest(${sqlArray(
            events.map((e) => e.dedupeKey),
            "text",
          )}, ${sqlArray(
            events.map((e) => e.eventName),
            "text",
          )}, ${sqlArray(
            events.map((e) => e.rawBody),
            "text",
          )})
          on conflict (dedupe_key) do nothing
          returning id::int as id, dedupe_key as "dedupeKey"`,
    );
    const idByKey = new Map(inserted.map((r) => [r.dedupeKey, r.id]));
    for (const w of batch) {
      const id = idByKey.get(w.event.dedupeKey);
      // The same body twice in one batch: the first request gets the row, the others are duplicates.
      if (id !== undefined) idByKey.delete(w.event.dedupeKey);
      w.resolve({ eventId: id });
    }
    this.meter?.record(inserted.length);
    this.schedule(inserted.map((r) => r.id));
  }

  /**
   * Durable already, so the answers go out and the next batch is written while these are enqueued.
   * Applying is paced anyway, so one job per interval carries every id recorded in it; should Redis
   * not answer, the reconciler enqueues the recorded events later.
   */
  private schedule(eventIds: number[]): void {
    this.unscheduled.push(...eventIds);
    if (this.coolingDown) return;
    const ids = this.unscheduled.splice(0, 1000);
    if (ids.length === 0) return;
    enqueue(this.queues, "webhook.process", { eventIds: ids }, { jobId: jobIds.webhook(ids) }).catch(
      (err: unknown) =>
        this.logger.warn({ err, events: ids.length }, "webhook events recorded but not enqueued"),
    );
    this.coolingDown = setTimeout(() => {
      this.coolingDown = undefined;
      this.schedule([]);
    }, this.enqueueEveryMs);
    this.coolingDown.unref();
  }
}
