import { can, ZFrameworkDetail, ZFrameworkSummary } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { presentFramework } from "./present.ts";
import * as repo from "./repo.ts";
import { getFrameworkDetail } from "./service.ts";

const tags = ["frameworks"];

export function frameworkRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/frameworks",
    { schema: { tags, summary: "Danh sách bộ chỉ số", response: { 200: z.array(ZFrameworkSummary) } } },
    async (request) => {
      authorize(request, can.viewFrameworks);
      return (await repo.listFrameworks(deps.db)).map(presentFramework);
    },
  );

  app.get(
    "/api/frameworks/:id",
    {
      schema: {
        tags,
        summary: "Bộ chỉ số: cây chỉ số, điểm tối đa và đơn vị được phân công",
        params: z.object({ id: z.uuid("Mã bộ chỉ số không hợp lệ") }),
        response: { 200: ZFrameworkDetail },
      },
    },
    async (request) => {
      authorize(request, can.viewFrameworks);
      return getFrameworkDetail(deps.db, request.params.id);
    },
  );
}
