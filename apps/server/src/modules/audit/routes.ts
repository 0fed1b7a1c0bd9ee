import { ZAuditPage, ZAuditQuery } from "@chiso/core";
import type { TApp } from "../../http/app-types.ts";
import { authorizeSomewhere } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { listAuditPage } from "./service.ts";

export function auditRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Nhật ký thay đổi: thao tác, đối tượng và thay đổi bằng lời, lọc theo đơn vị, người, đối tượng, ngày",
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request) => listAuditPage(deps.db, authorizeSomewhere(request, "audit.view"), request.query),
  );
}
