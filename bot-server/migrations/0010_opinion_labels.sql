CREATE TABLE "signal_label_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"signal_id" bigint NOT NULL,
	"task" text NOT NULL,
	"label" text NOT NULL,
	"previous_label" text,
	"previous_source" text,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "sentiment" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "toxicity" text;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "label_sources" jsonb;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "labelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signal_label_corrections" ADD CONSTRAINT "signal_label_corrections_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_label_corrections" ADD CONSTRAINT "signal_label_corrections_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signal_label_corrections_signal" ON "signal_label_corrections" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "signals_unlabelled" ON "signals" USING btree ("id") WHERE labelled_at is null and text is not null;