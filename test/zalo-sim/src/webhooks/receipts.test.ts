import { describe, expect, it } from "vitest";
import { waitFor } from "../test-support/harness.js";
import { ReceiptScheduler } from "./receipts.js";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe("ReceiptScheduler", () => {
  it("marks only the configured share of messages seen, the same ones every time", async () => {
    const run = async () => {
      const seen: string[] = [];
      let received = 0;
      const receipts = new ReceiptScheduler({
        receivedDelayMs: 0,
        seenDelayMs: 1,
        seenShare: 0.5,
        logger: quiet,
        emitReceived: () => {
          received++;
        },
        emitSeen: (_user, ids) => seen.push(...ids),
      });
      for (let i = 0; i < 400; i++) receipts.schedule("u1", `msg-${i}`);
      await waitFor(() => received === 400 && receipts.pending === 0);
      receipts.close();
      return seen.sort();
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(140);
    expect(first.length).toBeLessThan(260);
    expect(await run()).toEqual(first);
  });
});
