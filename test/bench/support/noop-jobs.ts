import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { REDIS_URL } from "./bench-runtime.js";

/**
 * A bare BullMQ run of `count` no-op jobs through one worker (same concurrency as the delivery
 * worker): the machine's ceiling for "a job per message", to read the delivery rate against.
 */
export async function noopJobsPerSec(count: number, prefix: string, concurrency: number): Promise<number> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue("bench-noop", {
    connection,
    prefix,
    defaultJobOptions: { removeOnComplete: true },
  });
  let done = 0;
  let resolveDone!: () => void;
  const finished = new Promise<void>((r) => (resolveDone = r));
  const worker = new Worker("bench-noop", async () => undefined, { connection, prefix, concurrency });
  worker.on("completed", () => {
    done += 1;
    if (done === count) resolveDone();
  });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({ name: "noop", data: { i: i + k } })),
    );
  }
  await finished;
  const perSec = count / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return Math.round(perSec);
}
