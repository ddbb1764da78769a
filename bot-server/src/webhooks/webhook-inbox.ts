import { createHash } from "node:crypto";
import { jobIds } from "@loa-phuong/shared";
import type { Logger } from "pino";
import { enqueue, type Queues } from "../queue/queues.js";
import type { Db } from "../store/database.js";
import { webhookEvents } from "../store/schema/index.js";

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
 * are committed together in the next one (group commit): one INSERT and one addBulk per batch,
 * and each request still waits for its own row to be durable.
 */
export class WebhookInbox {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly db: Db,
    private readonly queues: Queues,
    private readonly logger: Logger,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with the new event's id, or undefined when the same body was recorded before. */
  accept(event: InboxEvent): Promise<{ eventId: number | undefined }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.waiting.length === 0) return;
    this.flushing = true;
    const batch = this.waiting.splice(0, this.maxBatch);
    try {
      const inserted = await this.db
        .insert(webhookEvents)
        .values(batch.map((w) => w.event))
        .onConflictDoNothing({ target: webhookEvents.dedupeKey })
        .returning({ id: webhookEvents.id, dedupeKey: webhookEvents.dedupeKey });
      const idByKey = new Map(inserted.map((r) => [r.dedupeKey, r.id]));
      for (const w of batch) {
        const id = idByKey.get(w.event.dedupeKey);
        // The same body twice in one batch: the first request gets the row, the others are duplicates.
        if (id !== undefined) idByKey.delete(w.event.dedupeKey);
        w.resolve({ eventId: id });
      }
      // Durable now, so the answers go out and the next batch can be written while this one is
      // enqueued; should Redis not answer, the reconciler enqueues the recorded events later.
      const eventIds = inserted.map((r) => r.id);
      if (eventIds.length) {
        enqueue(this.queues, "webhook.process", { eventIds }, { jobId: jobIds.webhook(eventIds) }).catch((err: unknown) =>
          this.logger.warn({ err, events: eventIds.length }, "webhook events recorded but not enqueued"),
        );
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.flushing = false;
      if (this.waiting.length > 0) setImmediate(() => void this.flush());
    }
  }
}
