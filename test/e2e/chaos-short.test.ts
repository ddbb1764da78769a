import { describe, expect, it } from "vitest";
import { runChaosBroadcast } from "../chaos/chaos-broadcast.js";

describe("chaos: one broadcast through dying workers, a flushed Redis and failing Zalo calls", () => {
  it("gives every recipient exactly one message", async () => {
    const result = await runChaosBroadcast({
      recipients: 600,
      kills: 3,
      flushes: 1,
      faultRate: 0.1,
      workers: 2,
      timeoutMs: 90_000,
    });
    expect(result).toMatchObject({
      recipients: 600,
      delivered: 600,
      duplicates: 0,
      lost: 0,
      kills: 3,
      flushes: 1,
    });
    expect(result.faults).toBeGreaterThan(0);
  });
});
