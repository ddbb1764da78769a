import type { InboundMessage, LedgerEntry } from "../types.js";

/**
 * Every message the OA API accepted, in order, indexed by user and by message id so that
 * benchmarks with 100,000 sends never scan the whole list.
 */
export class Ledger {
  private entries: LedgerEntry[] = [];
  private byUser = new Map<string, LedgerEntry[]>();
  private byId = new Map<string, LedgerEntry>();

  add(entry: LedgerEntry): void {
    this.entries.push(entry);
    this.byId.set(entry.messageId, entry);
    const list = this.byUser.get(entry.userIdByOa);
    if (list) list.push(entry);
    else this.byUser.set(entry.userIdByOa, [entry]);
  }

  all(): LedgerEntry[] {
    return this.entries.slice();
  }

  /** The newest `limit` entries, oldest first. */
  last(limit: number): LedgerEntry[] {
    return this.entries.slice(Math.max(0, this.entries.length - limit));
  }

  /** Oldest first; the returned array must not be mutated. */
  forUser(idByOa: string): readonly LedgerEntry[] {
    return this.byUser.get(idByOa) ?? [];
  }

  get(messageId: string): LedgerEntry | undefined {
    return this.byId.get(messageId);
  }

  count(): number {
    return this.entries.length;
  }

  clear(): number {
    const cleared = this.entries.length;
    this.entries = [];
    this.byUser = new Map();
    this.byId = new Map();
    return cleared;
  }
}

/** Messages residents wrote to the OA (for /v2.0/oa/conversation and the inbox page). */
export class InboundLog {
  private readonly byUser = new Map<string, InboundMessage[]>();

  add(message: InboundMessage): void {
    const list = this.byUser.get(message.userIdByOa);
    if (list) list.push(message);
    else this.byUser.set(message.userIdByOa, [message]);
  }

  /** Oldest first; the returned array must not be mutated. */
  forUser(idByOa: string): readonly InboundMessage[] {
    return this.byUser.get(idByOa) ?? [];
  }
}
