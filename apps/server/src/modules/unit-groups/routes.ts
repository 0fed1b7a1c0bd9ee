import { ZUnitGroup, ZUnitGroupInput } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import * as service from "./service.ts";

const ZIdParams = z.object({ id: z.uuid("Mã nhóm đơn vị không hợp lệ") });
const tags = ["units"];

export function unitGroupRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/unit-groups",
    { schema: { tags, summary: "Các nhóm đơn vị có tên", response: { 200: z.array(ZUnitGroup) } } },
    async (request) => service.listGroups(serviceContext(request, deps)),
  );

  app.post(
    "/api/unit-groups",
    { schema: { tags, summary: "Tạo nhóm đơn vị", body: ZUnitGroupInput, response: { 201: ZUnitGroup } } },
    async (request, reply) =>
      reply.status(201).send(await service.createGroup(serviceContext(request, deps), request.body)),
  );

  app.put(
    "/api/unit-groups/:id",
    {
      schema: {
        tags,
        summary: "Sửa tên và thành viên của nhóm đơn vị",
        params: ZIdParams,
        body: ZUnitGroupInput,
        response: { 200: ZUnitGroup },
      },
    },
    async (request) => service.updateGroup(serviceContext(request, deps), request.params.id, request.body),
  );

  app.delete(
    "/api/unit-groups/:id",
    { schema: { tags, summary: "Xóa nhóm đơn vị", params: ZIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteGroup(serviceContext(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
