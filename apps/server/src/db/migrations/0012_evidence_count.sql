ALTER TABLE "reports" ADD COLUMN "evidence_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "reports" r SET "evidence_count" = c.n
FROM (SELECT "report_id", count(*)::int AS n FROM "report_documents" GROUP BY "report_id") c
WHERE c."report_id" = r."id";
--> statement-breakpoint
-- Every writer of citations keeps the count: the app's attach and detach, imports, the bench generator, cascades.
CREATE OR REPLACE FUNCTION "report_evidence_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "reports" SET "evidence_count" = "evidence_count" + 1 WHERE "id" = NEW."report_id";
  ELSE
    UPDATE "reports" SET "evidence_count" = "evidence_count" - 1 WHERE "id" = OLD."report_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_documents_count" AFTER INSERT OR DELETE ON "report_documents"
FOR EACH ROW EXECUTE FUNCTION "report_evidence_count"();
--> statement-breakpoint
-- The period's covering index carries the count, so the ranking and completeness read no citation.
DROP INDEX IF EXISTS "reports_period_state_idx";
--> statement-breakpoint
CREATE INDEX "reports_period_state_idx" ON "reports" USING btree ("period_id") INCLUDE ("indicator_id", "unit_id", "id", "status", "submitted_at", "evidence_count");
