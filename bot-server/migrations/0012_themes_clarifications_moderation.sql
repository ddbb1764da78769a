CREATE TABLE "opinion_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" text NOT NULL,
	"name" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_themes_ward_name" UNIQUE("ward_id","name")
);
--> statement-breakpoint
ALTER TABLE "signal_replies" ALTER COLUMN "staff_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "relay_tasks" ALTER COLUMN "broadcast_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signal_replies" ADD COLUMN "rumour_claim_id" uuid;--> statement-breakpoint
ALTER TABLE "signal_replies" ADD COLUMN "link_post_id" uuid;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD COLUMN "post_id" uuid;--> statement-breakpoint
UPDATE "relay_tasks" t SET "post_id" = b."post_id" FROM "broadcasts" b WHERE b."id" = t."broadcast_id";--> statement-breakpoint
ALTER TABLE "relay_tasks" ALTER COLUMN "post_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD COLUMN "rumour_claim_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "dedup_key" text;--> statement-breakpoint
ALTER TABLE "staff_alerts" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "message_kind" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "themes" uuid[];--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "hidden_by_id" uuid;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "rumour_reply_mode" text DEFAULT 'auto' NOT NULL;--> statement-breakpoint
ALTER TABLE "opinion_themes" ADD CONSTRAINT "opinion_themes_ward_id_wards_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."wards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_replies" ADD CONSTRAINT "signal_replies_rumour_claim_id_rumour_claims_id_fk" FOREIGN KEY ("rumour_claim_id") REFERENCES "public"."rumour_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_replies" ADD CONSTRAINT "signal_replies_link_post_id_posts_id_fk" FOREIGN KEY ("link_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relay_tasks" ADD CONSTRAINT "relay_tasks_rumour_claim_id_rumour_claims_id_fk" FOREIGN KEY ("rumour_claim_id") REFERENCES "public"."rumour_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_hidden_by_id_staff_accounts_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signal_replies_clarification" ON "signal_replies" USING btree ("signal_id") WHERE rumour_claim_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "relay_tasks_clarification_open" ON "relay_tasks" USING btree ("rumour_claim_id","residential_group_id") WHERE broadcast_id is null and status = 'open';--> statement-breakpoint
CREATE INDEX "signals_ward_sent" ON "signals" USING btree ("ward_id","sent_at");