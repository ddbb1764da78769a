CREATE TABLE "channel_quota_observations" (
	"ward_id" text NOT NULL,
	"pool" text NOT NULL,
	"remaining" integer NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_quota_observations_ward_id_pool_pk" PRIMARY KEY("ward_id","pool")
);
--> statement-breakpoint
CREATE TABLE "channel_stops" (
	"ward_id" text NOT NULL,
	"channel" text NOT NULL,
	"code" integer,
	"message" text NOT NULL,
	"stopped_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_stops_ward_id_channel_pk" PRIMARY KEY("ward_id","channel")
);
--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "budget_vnd" integer;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "exclude_paid" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "article_id" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "article_status" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "article_message_id" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "article_error" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "article_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "cost_vnd" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "escalation_status" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "escalation_message_id" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "escalation_error" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "escalated_at" timestamp with time zone;