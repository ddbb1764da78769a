import type { WebhookAttempt } from "../types.js";

/** The newest `limit` webhook attempts, in a ring buffer so a long benchmark cannot exhaust memory. */
export class WebhookLog {
  private ring: (WebhookAttempt | undefined)[];
  private next = 0;
  private size = 0;

  constructor(private readonly limit: number) {
    this.ring = new Array<WebhookAttempt | undefined>(limit);
  }

  add(attempt: WebhookAttempt): void {
    if (this.limit === 0) return;
    this.ring[this.next] = attempt;
    this.next = (this.next + 1) % this.limit;
    if (this.size < this.limit) this.size++;
  }

  /** Oldest first. */
  all(): WebhookAttempt[] {
    const out: WebhookAttempt[] = [];
    const start = this.size < this.limit ? 0 : this.next;
    for (let i = 0; i < this.size; i++) {
      const attempt = this.ring[(start + i) % this.limit];
      if (attempt) out.push(attempt);
    }
    return out;
  }
}
