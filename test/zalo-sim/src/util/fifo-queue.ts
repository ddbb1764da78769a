/**
 * Array-backed FIFO with O(1) amortised shift (Array#shift is O(n), which hurts with the
 * hundreds of thousands of webhook events a benchmark produces).
 */
export class FifoQueue<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/**
 * Items that become due after a fixed delay, in arrival order, behind one timer. Because every
 * item waits the same delay, arrival order is due order, so a FIFO suffices and the number of
 * timers stays at one however many items wait.
 */
export class DelayedFifo<T> {
  private readonly queue = new FifoQueue<{ dueAt: number; item: T }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly onDue: (items: T[]) => void,
    /** A timer callback must never throw; failures are handed here instead. */
    private readonly onError: (error: unknown) => void,
  ) {}

  get length(): number {
    return this.queue.length;
  }

  push(item: T): void {
    this.queue.push({ dueAt: performance.now() + this.delayMs, item });
    if (!this.timer) this.arm();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue.clear();
  }

  private arm(): void {
    const head = this.queue.peek();
    if (!head) return;
    const wait = Math.max(0, head.dueAt - performance.now());
    this.timer = setTimeout(() => this.fire(), wait);
    // Pending receipts or retries alone should not keep a finished test process alive.
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    const now = performance.now();
    const due: T[] = [];
    for (let head = this.queue.peek(); head && head.dueAt <= now; head = this.queue.peek()) {
      this.queue.shift();
      due.push(head.item);
    }
    this.arm();
    if (due.length === 0) return;
    try {
      this.onDue(due);
    } catch (error) {
      this.onError(error);
    }
  }
}
