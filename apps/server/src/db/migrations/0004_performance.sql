CREATE INDEX "report_events_submit_idx" ON "report_events" USING btree ("report_id","at") WHERE "report_events"."action" = 'submit';--> statement-breakpoint
CREATE INDEX "report_events_return_idx" ON "report_events" USING btree ("report_id") WHERE "report_events"."action" in ('return', 'request_explanation');--> statement-breakpoint
CREATE INDEX "reports_lead_period_idx" ON "reports" USING btree ("period_id","indicator_id") WHERE "reports"."role" = 'lead';--> statement-breakpoint
-- Hand-written (drizzle cannot express INCLUDE): the state of every report of a period — what completeness, the
-- heatmap and the unit ranking read — from the index alone. A draft save changes none of these columns, so it
-- stays a heap-only update.
CREATE INDEX IF NOT EXISTS "reports_period_state_idx" ON "reports" USING btree ("period_id") INCLUDE ("indicator_id", "unit_id", "id", "status", "submitted_at");
