DROP INDEX "webhook_events_open";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "set_aside_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "webhook_events_set_aside" ON "webhook_events" USING btree ("set_aside_at") WHERE "webhook_events"."set_aside_at" is not null;--> statement-breakpoint
CREATE INDEX "webhook_events_open" ON "webhook_events" USING btree ("attempts","id") WHERE "webhook_events"."processed_at" is null and "webhook_events"."set_aside_at" is null;