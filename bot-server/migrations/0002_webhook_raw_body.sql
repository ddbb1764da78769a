-- Keep each webhook's body exactly as Zalo sent it (what the signature covers); events recorded
-- before this migration keep their parsed payload re-serialised.
ALTER TABLE "webhook_events" ADD COLUMN "raw_body" text;--> statement-breakpoint
UPDATE "webhook_events" SET "raw_body" = "payload"::text;--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "raw_body" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" DROP COLUMN "payload";
