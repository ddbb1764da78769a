import { z } from "zod";

/**
 * The job registry: every job's queue, name and payload schema. Queue and job names are stored in
 * Redis and in the store: never rename one without a migration.
 */
export const queueNames = {
  broadcasts: "broadcasts",
  deliveries: "deliveries",
  webhooks: "webhooks",
  /** Staff answers to residents: their own queue, so they never wait behind a broadcast's sends. */
  replies: "replies",
  /** Residents' words labelled by the opinion models: CPU work, beside the Zalo calls, never before them. */
  opinion: "opinion",
} as const;
export type QueueName = (typeof queueNames)[keyof typeof queueNames];

const uuid = z.uuid();

export const jobDefinitions = {
  /** A broadcast is due: expand its audience into delivery rows and enqueue the sends. */
  "broadcast.fanout": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ broadcastId: uuid }),
  },
  /**
   * Feeds a sending broadcast's delivery rows into the delivery queue in bounded waves, then marks the
   * broadcast sent when no row is left in flight. One long-lived step job per broadcast.
   */
  "broadcast.wave": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ broadcastId: uuid, afterId: z.number().int().min(0).default(0) }),
  },
  /** One occurrence of a recurring schedule is due: create its broadcast (from the approved version). */
  "broadcast.occurrence": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ scheduleId: uuid }),
  },
  /**
   * An urgent broadcast's residents who have not seen it in time get a ZBS message by phone (once
   * each, within its budget and the ZBS quota).
   */
  "broadcast.escalate": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ broadcastId: uuid }),
  },
  /** A group head has not confirmed a relay task by the first deadline: remind them by OA message. */
  "relay.remind": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ relayTaskId: uuid }),
  },
  /** Still not confirmed by the second deadline: alert the ward staff. */
  "relay.escalate": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ relayTaskId: uuid }),
  },
  /** A unit's campaign task nears its deadline (or an officer urged it): remind its members by OA message. */
  "task.remind": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ taskId: uuid, urged: z.boolean().default(false) }),
  },
  /** Past the deadline and not done: alert the ward staff. */
  "task.escalate": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({ taskId: uuid }),
  },
  /**
   * Label what residents wrote (sentiment, toxicity) with the opinion models: every signal with words
   * not labelled yet, oldest first, in batches until none is left.
   */
  "opinion.label": {
    queue: queueNames.opinion,
    payload: z.strictObject({}),
  },
  /**
   * Every few minutes: each theme × residential group's last 24 hours against its previous 14 days; a
   * spike raises an "opinion_spike" alert for staff, once per theme × group × day.
   */
  "opinion.spikes": {
    queue: queueNames.opinion,
    payload: z.strictObject({}),
  },
  /** Send a staff answer to a resident as an OA message. */
  "signal.reply": {
    queue: queueNames.replies,
    payload: z.strictObject({ replyId: z.coerce.number().int().positive() }),
  },
  /**
   * The OA's tokens, checked every hour: the access token is refreshed well before it expires, and
   * admins are alerted two weeks before the refresh token's life ends.
   */
  "zalo.token-check": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({}),
  },
  /** Rebuilds Redis from the store: due broadcasts, waves of sending broadcasts, unapplied webhooks. */
  "maintenance.reconcile": {
    queue: queueNames.broadcasts,
    payload: z.strictObject({}),
  },
  /**
   * Send a few deliveries (consecutive rows of one broadcast) through the OA: one claim and one
   * settle query per batch, the Zalo calls in parallel. Each row is still sent exactly once.
   */
  "delivery.send": {
    queue: queueNames.deliveries,
    payload: z.strictObject({ deliveryIds: z.array(z.coerce.number().int().positive()).min(1).max(200) }),
  },
  /**
   * Apply recorded Zalo webhook events: the ids recorded in one interval, or what the reconciler found
   * (a wake-up: each run applies the oldest open events).
   */
  "webhook.process": {
    queue: queueNames.webhooks,
    payload: z.strictObject({ eventIds: z.array(z.coerce.number().int().positive()).min(1).max(1000) }),
  },
} as const;

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;
export const jobNames = Object.keys(jobDefinitions) as JobName[];

/**
 * Deterministic job ids, one per unit of work. BullMQ forbids ':' in custom ids and treats
 * all-digit ids as its own, so every id carries a prefix.
 */
export const jobIds = {
  fanout: (broadcastId: string) => `fanout-${broadcastId}`,
  wave: (broadcastId: string) => `wave-${broadcastId}`,
  escalate: (broadcastId: string) => `escalate-${broadcastId}`,
  reconcileScheduler: "maintenance-reconcile",
  tokenCheckScheduler: "zalo-token-check",
  opinionSpikesScheduler: "opinion-spikes",
  recurringScheduler: (scheduleId: string) => `recurring-${scheduleId}`,
  relayRemind: (relayTaskId: string) => `relay-remind-${relayTaskId}`,
  relayEscalate: (relayTaskId: string) => `relay-escalate-${relayTaskId}`,
  taskRemind: (taskId: string) => `task-remind-${taskId}`,
  taskEscalate: (taskId: string) => `task-escalate-${taskId}`,
  /** One urging a minute at most per task (a double tap sends one message). */
  taskUrge: (taskId: string, at: number) => `task-urge-${taskId}-${Math.floor(at / 60_000)}`,
  signalReply: (replyId: number) => `signal-reply-${replyId}`,
  /** One labelling run per second at most: a signal recorded while one runs wakes the next. */
  opinionLabel: (at: number) => `opinion-label-${Math.floor(at / 1000)}`,
  delivery: (deliveryIds: number[]) =>
    `delivery-${deliveryIds[0]}-${deliveryIds[deliveryIds.length - 1]}-${deliveryIds.length}`,
  webhook: (eventIds: number[]) =>
    `webhook-${eventIds[0]}-${eventIds[eventIds.length - 1]}-${eventIds.length}`,
};
