CREATE TABLE "broadcast_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_id" text NOT NULL,
	"post_id" uuid NOT NULL,
	"audience" jsonb NOT NULL,
	"pattern" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "occurrence_key" text;--> statement-breakpoint
ALTER TABLE "broadcast_schedules" ADD CONSTRAINT "broadcast_schedules_ward_id_wards_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."wards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_schedules" ADD CONSTRAINT "broadcast_schedules_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_schedules" ADD CONSTRAINT "broadcast_schedules_created_by_id_staff_accounts_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_schedule_id_broadcast_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."broadcast_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_resident_created" ON "deliveries" USING btree ("resident_id","created_at");--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_schedule_occurrence" UNIQUE("schedule_id","occurrence_key");