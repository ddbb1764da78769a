import type { SimLogger } from "../types.js";
import { DelayedFifo } from "../util/fifo-queue.js";

export interface ReceiptOptions {
  receivedDelayMs: number;
  /** null = the user never opens the message. */
  seenDelayMs: number | null;
  /** The share of messages that are ever seen (0..1); which ones follows from the message id. */
  seenShare?: number;
  emitReceived: (userIdByOa: string, msgId: string) => void;
  /** One call per user with every message that became "seen" in the same tick. */
  emitSeen: (userIdByOa: string, msgIds: string[]) => void;
  logger: SimLogger;
}

interface Receipt {
  userIdByOa: string;
  msgId: string;
}

/**
 * After each accepted send: user_received_message after `receivedDelayMs`, then
 * user_seen_message after `seenDelayMs`. Two FIFOs with one timer each, however many sends.
 */
export class ReceiptScheduler {
  private readonly received: DelayedFifo<Receipt>;
  private readonly seen: DelayedFifo<Receipt> | undefined;
  private readonly seenShare: number;

  constructor(opts: ReceiptOptions) {
    this.seenShare = opts.seenShare ?? 1;
    const onError = (error: unknown): void =>
      opts.logger.error("receipt timer failed", { error: String(error) });
    this.received = new DelayedFifo<Receipt>(
      opts.receivedDelayMs,
      (due) => {
        for (const receipt of due) opts.emitReceived(receipt.userIdByOa, receipt.msgId);
      },
      onError,
    );
    if (opts.seenDelayMs !== null) {
      // "Seen" never precedes "received" for the same message.
      this.seen = new DelayedFifo<Receipt>(
        Math.max(opts.seenDelayMs, opts.receivedDelayMs + 1),
        (due) => {
          const byUser = new Map<string, string[]>();
          for (const { userIdByOa, msgId } of due) {
            const ids = byUser.get(userIdByOa);
            if (ids) ids.push(msgId);
            else byUser.set(userIdByOa, [msgId]);
          }
          for (const [userIdByOa, msgIds] of byUser) opts.emitSeen(userIdByOa, msgIds);
        },
        onError,
      );
    }
  }

  schedule(userIdByOa: string, msgId: string): void {
    this.received.push({ userIdByOa, msgId });
    if (this.seenShare >= 1 || shareOf(msgId) < this.seenShare) this.seen?.push({ userIdByOa, msgId });
  }

  /** Receipts scheduled and not sent yet. */
  get pending(): number {
    return this.received.length + (this.seen?.length ?? 0);
  }

  close(): void {
    this.received.clear();
    this.seen?.clear();
  }
}

/** A stable number in [0, 1) for a message id (FNV-1a), so whether it is seen does not change. */
function shareOf(msgId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < msgId.length; i++) h = Math.imul(h ^ msgId.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4_294_967_296;
}
