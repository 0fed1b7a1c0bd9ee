import { sql } from "drizzle-orm";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import type { TAppDeps } from "../../http/context.ts";

export function healthRoutes(app: TApp, deps: TAppDeps) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Kiểm tra hệ thống: trả lời ok khi cơ sở dữ liệu truy cập được",
        response: { 200: z.object({ status: z.literal("ok") }), 503: z.object({ status: z.literal("unavailable") }) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      try {
        await deps.db.execute(sql`select 1`);
        return { status: "ok" as const };
      } catch (err) {
        request.log.error({ err }, "database unreachable");
        return reply.status(503).send({ status: "unavailable" as const });
      }
    },
  );
}
