import type { InboundMessage, LedgerEntry, LedgerSummary, SimChannel } from "../types.js";
import { SIM_CHANNELS } from "./channel-errors.js";

/**
 * Every message a channel accepted, in order, indexed by user and by message id so that
 * benchmarks with 100,000 sends never scan the whole list. An article broadcast adds one entry per
 * follower reached, all with the broadcast's message id (`get` returns the last of them).
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

  forChannel(channel: SimChannel): LedgerEntry[] {
    return this.entries.filter((entry) => entry.channel === channel);
  }

  /** Totals for benchmarks and the planner's cost checks; one pass over the entries. */
  summary(): LedgerSummary {
    const perUser: Record<string, number> = {};
    const recipients = new Map<SimChannel, Set<string>>(SIM_CHANNELS.map((c) => [c, new Set<string>()]));
    const byChannel = Object.fromEntries(
      SIM_CHANNELS.map((c) => [c, { messages: 0, costVnd: 0, recipients: 0 }]),
    ) as LedgerSummary["byChannel"];
    let firstSentAt: number | null = null;
    let lastSentAt: number | null = null;
    let costVnd = 0;
    for (const entry of this.entries) {
      perUser[entry.userIdByOa] = (perUser[entry.userIdByOa] ?? 0) + 1;
      firstSentAt = firstSentAt === null ? entry.sentAt : Math.min(firstSentAt, entry.sentAt);
      lastSentAt = lastSentAt === null ? entry.sentAt : Math.max(lastSentAt, entry.sentAt);
      costVnd += entry.costVnd;
      const channel = byChannel[entry.channel];
      channel.messages++;
      channel.costVnd += entry.costVnd;
      recipients.get(entry.channel)?.add(entry.userIdByOa);
    }
    for (const [channel, users] of recipients) byChannel[channel].recipients = users.size;
    return { count: this.entries.length, firstSentAt, lastSentAt, perUser, costVnd, byChannel };
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
