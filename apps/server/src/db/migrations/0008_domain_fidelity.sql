CREATE TABLE "plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"title" text NOT NULL,
	"participants" text NOT NULL,
	"summary" text,
	"section_task_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "budget_amount" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "deadline_rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "deadline_rule" jsonb;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "out_of_year_reason" text;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD COLUMN "metric" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consolidation" jsonb;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_section_task_id_tasks_id_fk" FOREIGN KEY ("section_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_reviews_plan_idx" ON "plan_reviews" USING btree ("plan_id");--> statement-breakpoint
-- The built-in 2025 framework states plan 4636's calendar (quarterly before the 25th of the last month, yearly before 10/01 next year).
UPDATE "frameworks" SET "deadline_rules" = '{"quarter":{"kind":"day_of_last_month","day":25,"before":true},"year":{"kind":"fixed_date","month":1,"day":10,"yearOffset":1,"before":true}}'::jsonb WHERE "code" = 'DTI-TINH-2025' AND "builtin" AND "deadline_rules" = '{}'::jsonb;
