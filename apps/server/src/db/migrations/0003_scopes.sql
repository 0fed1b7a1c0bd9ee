CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_unit_id" uuid,
	CONSTRAINT "user_roles_role_check" CHECK ("user_roles"."role" in ('coordinator','unit_lead','unit_reporter','appraiser','viewer'))
);
--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "path" uuid[];--> statement-breakpoint
-- Backfill each unit's path (top agency … itself) from parent_id, then require it.
WITH RECURSIVE tree AS (
  SELECT id, ARRAY[id] AS path FROM units WHERE parent_id IS NULL
  UNION ALL
  SELECT u.id, tree.path || u.id FROM units u JOIN tree ON u.parent_id = tree.id
)
UPDATE units SET path = tree.path FROM tree WHERE units.id = tree.id;--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "path" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_scope_unit_id_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_roles_unique" ON "user_roles" USING btree ("user_id","role",coalesce("scope_unit_id", '00000000-0000-0000-0000-000000000000'));--> statement-breakpoint
CREATE INDEX "user_roles_scope_idx" ON "user_roles" USING btree ("scope_unit_id");--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING gin ("path");--> statement-breakpoint
-- Roles become grants: a unit's lead and reporter act for their own unit; coordinator, council and leadership
-- kept the whole province they had.
INSERT INTO "user_roles" ("user_id", "role", "scope_unit_id")
SELECT u.id, r.role, CASE WHEN r.role IN ('unit_lead', 'unit_reporter') THEN u.unit_id ELSE NULL END
FROM "users" u CROSS JOIN LATERAL unnest(u.roles) AS r(role);--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "roles";