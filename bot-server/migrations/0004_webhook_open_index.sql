DROP INDEX "webhook_events_unprocessed";--> statement-breakpoint
CREATE INDEX "webhook_events_open" ON "webhook_events" USING btree ("attempts","id") WHERE "webhook_events"."processed_at" is null;