ALTER TABLE "tasks" ALTER COLUMN "budget_amount" SET DATA TYPE numeric(20, 6);--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "deadline_rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "deadline_rule" jsonb;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "out_of_year_reason" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "deadline_rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consolidation" jsonb;--> statement-breakpoint
-- The built-in 2025 framework states plan 4636's calendar (quarterly before the 25th of the last month, yearly before 10/01 next year).
UPDATE "frameworks" SET "deadline_rules" = '{"quarter":{"kind":"day_of_last_month","day":25,"before":true},"year":{"kind":"fixed_date","month":1,"day":10,"yearOffset":1,"before":true}}'::jsonb WHERE "code" = 'DTI-TINH-2025' AND "builtin" AND "deadline_rules" = '{}'::jsonb;
