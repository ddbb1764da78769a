CREATE TABLE "rumour_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" text NOT NULL,
	"claim" text NOT NULL,
	"topic" text NOT NULL,
	"clarification_post_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "rumour_claim_id" uuid;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "rumour_match" jsonb;--> statement-breakpoint
ALTER TABLE "rumour_claims" ADD CONSTRAINT "rumour_claims_ward_id_wards_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."wards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rumour_claims" ADD CONSTRAINT "rumour_claims_clarification_post_id_posts_id_fk" FOREIGN KEY ("clarification_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rumour_claims" ADD CONSTRAINT "rumour_claims_created_by_id_staff_accounts_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rumour_claims_ward" ON "rumour_claims" USING btree ("ward_id","status");--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_rumour_claim_id_rumour_claims_id_fk" FOREIGN KEY ("rumour_claim_id") REFERENCES "public"."rumour_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signals_rumour" ON "signals" USING btree ("rumour_claim_id","sent_at");