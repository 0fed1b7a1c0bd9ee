import { ZExtensionCreate, ZPeriod, ZPeriodCreate, ZPeriodUpdate } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import * as service from "./service.ts";

const tags = ["periods"];
const ZParams = z.object({ id: z.uuid("Mã kỳ báo cáo không hợp lệ") });

export function periodRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/periods",
    {
      schema: {
        tags,
        summary: "Các kỳ báo cáo",
        querystring: z.object({ frameworkId: z.uuid().optional() }),
        response: { 200: z.array(ZPeriod) },
      },
    },
    async (request) => {
      return service.listPeriods(serviceContext(request, deps), request.query.frameworkId);
    },
  );

  app.post(
    "/api/periods",
    { schema: { tags, summary: "Mở kỳ báo cáo", body: ZPeriodCreate, response: { 201: ZPeriod } } },
    async (request, reply) => {
      return reply.status(201).send(await service.openPeriod(serviceContext(request, deps), request.body));
    },
  );

  app.patch(
    "/api/periods/:id",
    {
      schema: {
        tags,
        summary: "Đổi hạn hoặc đóng/mở kỳ báo cáo",
        params: ZParams,
        body: ZPeriodUpdate,
        response: { 200: ZPeriod },
      },
    },
    async (request) => {
      const actor = authorize(request, "period.manage", await service.periodScope(deps.db, request.params.id));
      return service.updatePeriod(serviceContext(request, deps, actor), request.params.id, request.body);
    },
  );

  app.post(
    "/api/periods/:id/extensions",
    {
      schema: {
        tags,
        summary: "Gia hạn cho một đơn vị (có lý do)",
        params: ZParams,
        body: ZExtensionCreate,
        response: { 200: ZPeriod },
      },
    },
    async (request) => {
      const actor = authorize(request, "period.manage", await service.periodScope(deps.db, request.params.id));
      return service.grantExtension(serviceContext(request, deps, actor), request.params.id, request.body);
    },
  );
}
