import { PROVINCE_PATH, ZOfficialResult } from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { authorize, serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { importOfficialResults, listOfficialResults, saveOfficialResult } from "./service.ts";

const tags = ["results"];

export function resultRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/official-results",
    {
      schema: {
        tags,
        summary: "Kết quả DTI chính thức đã công bố (mọi tỉnh)",
        querystring: z.object({ year: z.coerce.number().int().optional() }),
        response: { 200: z.array(ZOfficialResult) },
      },
    },
    async (request) => {
      authorize(request, "settings.view", { scopePath: PROVINCE_PATH });
      return listOfficialResults(deps.db, request.query.year);
    },
  );

  app.post(
    "/api/official-results/import",
    {
      schema: {
        tags,
        summary: "Nhập kết quả chính thức của một năm từ Excel/CSV (thay toàn bộ kết quả năm đó, hoặc từ chối cả tệp)",
        consumes: ["multipart/form-data"],
        querystring: z.object({
          year: z.coerce.number().int().min(2015, "Năm không hợp lệ").max(2100, "Năm không hợp lệ"),
        }),
        response: { 200: z.object({ year: z.number().int(), count: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = authorize(request, "settings.manage", { scopePath: PROVINCE_PATH });
      const file = await request.file();
      if (!file) throw new AppError("VALIDATION_FAILED", "Vui lòng chọn tệp .xlsx hoặc .csv.");
      if (!/\.(xlsx|csv)$/i.test(file.filename))
        throw new AppError("UNSUPPORTED_FILE", "Chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv).");
      return importOfficialResults(
        serviceContext(request, deps, actor),
        request.query.year,
        file.filename,
        await file.toBuffer(),
      );
    },
  );

  app.put(
    "/api/official-results",
    {
      schema: {
        tags,
        summary: "Nhập tay kết quả chính thức của một tỉnh",
        body: ZOfficialResult,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, "settings.manage", { scopePath: PROVINCE_PATH });
      await saveOfficialResult(serviceContext(request, deps, actor), request.body);
      return reply.status(204).send(null);
    },
  );
}
