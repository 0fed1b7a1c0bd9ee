import { can, ZUnit, ZUnitCreate, ZUnitUpdate } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import * as repo from "./repo.ts";
import * as service from "./service.ts";

const ZIdParams = z.object({ id: z.uuid("Mã đơn vị không hợp lệ") });
const tags = ["units"];

export function unitRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/units",
    { schema: { tags, summary: "Danh sách đơn vị", response: { 200: z.array(ZUnit) } } },
    async (request) => {
      authorize(request, can.viewUnits);
      return repo.listUnits(deps.db);
    },
  );

  app.post(
    "/api/units",
    { schema: { tags, summary: "Tạo đơn vị", body: ZUnitCreate, response: { 201: ZUnit } } },
    async (request, reply) => {
      const actor = authorize(request, can.manageUnits);
      const unit = await service.createUnit(serviceContext(request, deps, actor), request.body);
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    "/api/units/:id",
    { schema: { tags, summary: "Sửa đơn vị", params: ZIdParams, body: ZUnitUpdate, response: { 200: ZUnit } } },
    async (request) => {
      const actor = authorize(request, can.manageUnits);
      return service.updateUnit(serviceContext(request, deps, actor), request.params.id, request.body);
    },
  );

  app.delete(
    "/api/units/:id",
    {
      schema: { tags, summary: "Xóa đơn vị (chỉ khi chưa được dùng)", params: ZIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = authorize(request, can.manageUnits);
      await service.deleteUnit(serviceContext(request, deps, actor), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
