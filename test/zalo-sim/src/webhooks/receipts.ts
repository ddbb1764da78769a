import type { SimLogger } from "../types.js";
import { DelayedFifo } from "../util/fifo-queue.js";

export interface ReceiptOptions {
  receivedDelayMs: number;
  /** null = the user never opens the message. */
  seenDelayMs: number | null;
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

  constructor(opts: ReceiptOptions) {
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
    this.seen?.push({ userIdByOa, msgId });
  }

  close(): void {
    this.received.clear();
    this.seen?.clear();
  }
}
