import type { PushChannel } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Every accepted Zalo webhook, recorded before it is acknowledged; the worker applies it later. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** SHA-256 of the raw body: Zalo's retries repeat the body byte for byte. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    eventName: text("event_name").notNull(),
    /** The body exactly as Zalo sent it (what the signature covers); parsed when the event is applied. */
    rawBody: text("raw_body").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    /** Runs that left the event open: a receipt waiting for its delivery, or a failure. */
    attempts: integer("attempts").notNull().default(0),
    /** Runs in which applying this event failed (an error, not a receipt waiting for its delivery). */
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    /**
     * Set aside (dead-lettered) after failing again and again: no longer applied, so it cannot hold up
     * the events behind it; admins see it with its reason and may put it back.
     */
    setAsideAt: timestamp("set_aside_at", { withTimezone: true }),
  },
  (t) => [
    // Open events in the order they are applied: fresh ones first, receipts still waiting and events
    // that failed once behind them.
    index("webhook_events_open")
      .on(t.attempts, t.id)
      .where(sql`${t.processedAt} is null and ${t.setAsideAt} is null`),
    index("webhook_events_set_aside").on(t.setAsideAt).where(sql`${t.setAsideAt} is not null`),
  ],
);

/** Who did what to which record, with the content hash at that moment. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    actorType: text("actor_type").$type<"staff" | "resident" | "system">().notNull(),
    actorId: text("actor_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    contentHash: text("content_hash"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity").on(t.entityType, t.entityId, t.at)],
);

/** Server sessions; only the SHA-256 of the bearer token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    subjectType: text("subject_type").$type<"resident" | "staff">().notNull(),
    subjectId: uuid("subject_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_subject").on(t.subjectType, t.subjectId)],
);

/**
 * The OA's OAuth v4 tokens, sealed (store/secret-box.ts). Zalo's refresh tokens are single use, so the
 * current pair must be stored before it is used again, and only one process may refresh at a time
 * (row lock).
 */
export const zaloOaCredentials = pgTable("zalo_oa_credentials", {
  oaId: text("oa_id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  accessExpiresAt: timestamp("access_expires_at", { withTimezone: true }).notNull(),
  /** When the refresh token stops working (3 months after Zalo issued it, unless Zalo says otherwise). */
  refreshExpiresAt: timestamp("refresh_expires_at", { withTimezone: true }),
  /** When an admin last granted the OA's permission to the app (the consent screen). */
  connectedAt: timestamp("connected_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A channel stopped for the whole OA by Zalo (out of quota -211, package -224, no Zalo Cloud Account
 * -320, account out of money -321, ZBS -115): nothing more goes by it until an admin resumes it.
 */
export const channelStops = pgTable(
  "channel_stops",
  {
    wardId: text("ward_id").notNull(),
    channel: text("channel").$type<PushChannel>().notNull(),
    code: integer("code"),
    message: text("message").notNull(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.wardId, t.channel] })],
);

/** What Zalo last said is left of a quota (a send's answer), so plans never count on more. */
export const channelQuotaObservations = pgTable(
  "channel_quota_observations",
  {
    wardId: text("ward_id").notNull(),
    pool: text("pool").$type<"zbs" | "notification" | "article">().notNull(),
    remaining: integer("remaining").notNull(),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.wardId, t.pool] })],
);
