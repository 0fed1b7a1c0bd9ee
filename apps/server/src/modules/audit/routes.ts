import { scopesWhere } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorizeSomewhere } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { listAudit } from "./repo.ts";

const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
});

const ZAuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Nhật ký thay đổi",
        querystring: ZAuditQuery,
        response: { 200: z.array(ZAuditEntry) },
      },
    },
    async (request) => {
      const actor = authorizeSomewhere(request, "audit.view");
      const rows = await listAudit(deps.db, request.query, scopesWhere(actor, ["coordinator"]));
      return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    },
  );
}
