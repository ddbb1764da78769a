/**
 * How busy this process's webhook intake is: events recorded over the last second, counted in 100 ms
 * slots. Applying reads it to size its runs — small while Zalo is sending a burst (the embedded store
 * answers the webhook between runs), large once it is quiet (the backlog drains fast).
 */
export class IntakeMeter {
  private readonly slots = new Array<number>(10).fill(0);
  private slotAt = 0;

  constructor(
    /** Events a second from which the intake counts as busy. */
    private readonly busyPerSecond = 100,
    private readonly now: () => number = Date.now,
  ) {}

  record(events: number): void {
    this.advance();
    this.slots[this.slotAt % 10]! += events;
  }

  /** Events recorded in the last second. */
  perSecond(): number {
    this.advance();
    return this.slots.reduce((a, b) => a + b, 0);
  }

  busy(): boolean {
    return this.perSecond() >= this.busyPerSecond;
  }

  private advance(): void {
    const slot = Math.floor(this.now() / 100);
    if (slot === this.slotAt) return;
    // Slots that passed without events are emptied (all ten after a quiet second).
    for (let s = Math.max(this.slotAt + 1, slot - 9); s <= slot; s++) this.slots[s % 10] = 0;
    this.slotAt = slot;
  }
}
