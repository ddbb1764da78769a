import {
  type JobName,
  type JobPayload,
  jobDefinitions,
  type QueueName,
  queueNames,
} from "@loa-phuong/shared";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { AppError } from "../errors/app-error.js";

/**
 * The retry policy, in one place: exponential backoff with jitter; completed jobs are dropped so Redis
 * stays small (the store is the record); failed jobs are kept for inspection for a week.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000, jitter: 0.5 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: Redis, prefix: string): Queues {
  const make = (name: QueueName) => new Queue(name, { connection, prefix, defaultJobOptions });
  return {
    [queueNames.broadcasts]: make(queueNames.broadcasts),
    [queueNames.deliveries]: make(queueNames.deliveries),
    [queueNames.webhooks]: make(queueNames.webhooks),
    [queueNames.replies]: make(queueNames.replies),
    [queueNames.opinion]: make(queueNames.opinion),
  } as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

export interface EnqueueOptions extends Pick<JobsOptions, "delay" | "priority" | "attempts"> {
  jobId: string;
}

/** Adds a typed job; the payload is checked against its schema before it reaches Redis. */
export async function enqueue<N extends JobName>(
  queues: Queues,
  name: N,
  payload: JobPayload<N>,
  options: EnqueueOptions,
): Promise<void> {
  const definition = jobDefinitions[name];
  const data = definition.payload.parse(payload);
  try {
    await queues[definition.queue].add(name, data, options);
  } catch (error) {
    throw asQueueError(error);
  }
}

/** Adds many jobs of one kind in one round trip. */
export async function enqueueBulk<N extends JobName>(
  queues: Queues,
  name: N,
  jobs: { payload: JobPayload<N>; options: EnqueueOptions }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const definition = jobDefinitions[name];
  try {
    await queues[definition.queue].addBulk(
      jobs.map((j) => ({ name, data: definition.payload.parse(j.payload), opts: j.options })),
    );
  } catch (error) {
    throw asQueueError(error);
  }
}

function asQueueError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  // ioredis with enableOfflineQueue: false rejects at once when the connection is down.
  if (
    /Stream isn't writeable|Connection is closed|ECONNREFUSED|enableOfflineQueue|Reached the max retries/i.test(
      message,
    )
  ) {
    return new AppError("queue_unavailable");
  }
  return error instanceof Error ? error : new Error(message);
}
