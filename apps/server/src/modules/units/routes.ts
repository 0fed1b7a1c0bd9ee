import { ZUnit, ZUnitCreate, ZUnitUpdate } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import * as service from "./service.ts";

const ZIdParams = z.object({ id: z.uuid("Mã đơn vị không hợp lệ") });
const tags = ["units"];

export function unitRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/units",
    { schema: { tags, summary: "Danh sách đơn vị", response: { 200: z.array(ZUnit) } } },
    async (request) => {
      return service.listUnits(serviceContext(request, deps));
    },
  );

  app.post(
    "/api/units",
    { schema: { tags, summary: "Tạo đơn vị", body: ZUnitCreate, response: { 201: ZUnit } } },
    async (request, reply) => {
      const unit = await service.createUnit(serviceContext(request, deps), request.body);
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    "/api/units/:id",
    { schema: { tags, summary: "Sửa đơn vị", params: ZIdParams, body: ZUnitUpdate, response: { 200: ZUnit } } },
    async (request) => {
      return service.updateUnit(serviceContext(request, deps), request.params.id, request.body);
    },
  );

  app.delete(
    "/api/units/:id",
    {
      schema: { tags, summary: "Xóa đơn vị (chỉ khi chưa được dùng)", params: ZIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteUnit(serviceContext(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
