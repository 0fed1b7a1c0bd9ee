import {
  ZNotificationList,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZNotificationPreferencesUpdate,
} from "@chiso/core";
import { z } from "zod";
import type { TApp } from "../../http/app-types.ts";
import { serviceContext } from "../../http/auth.ts";
import type { TAppDeps } from "../../http/context.ts";
import { createEmailDispatcher } from "./delivery.ts";
import type { TMailer } from "./mailer.ts";
import * as service from "./service.ts";

const tags = ["notifications"];
const ZParams = z.object({ id: z.uuid("Mã thông báo không hợp lệ") });

/**
 * A user's own notices and e-mail preferences. Every query is scoped to the signed-in user in the service, so there
 * is no rule to check beyond being signed in: another user's notice simply is not found.
 */
export function notificationRoutes(app: TApp, deps: TAppDeps, options: { mailer: TMailer | null }) {
  const emailConfigured = options.mailer !== null;
  if (options.mailer) {
    // E-mail follows the request that created notices, after its response: the user never waits for the mail server.
    const dispatcher = createEmailDispatcher({
      db: deps.db,
      clock: deps.clock,
      mailer: options.mailer,
      logger: app.log,
    });
    app.addHook("onResponse", async (request, reply) => {
      if (request.method !== "GET" && request.url.startsWith("/api/") && reply.statusCode < 400) dispatcher.kick();
    });
    app.addHook("onClose", async () => dispatcher.idle());
  }

  app.get(
    "/api/notifications",
    {
      schema: {
        tags,
        summary: "Thông báo của tôi, mới nhất trước, kèm số chưa đọc",
        querystring: ZNotificationListQuery,
        response: { 200: ZNotificationList },
      },
    },
    async (request) =>
      service.listMine(serviceContext(request, deps), {
        limit: request.query.limit,
        unreadOnly: request.query.unreadOnly === "true",
      }),
  );

  app.post(
    "/api/notifications/:id/read",
    { schema: { tags, summary: "Đánh dấu đã đọc một thông báo", params: ZParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.markRead(serviceContext(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags,
        summary: "Đánh dấu đã đọc tất cả thông báo",
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => ({ updated: await service.markAllRead(serviceContext(request, deps)) }),
  );

  app.get(
    "/api/notification-preferences",
    {
      schema: {
        tags,
        summary: "Nhận thư điện tử theo từng loại thông báo",
        response: { 200: ZNotificationPreferences },
      },
    },
    async (request) => service.getPreferences(serviceContext(request, deps), emailConfigured),
  );

  app.put(
    "/api/notification-preferences",
    {
      schema: {
        tags,
        summary: "Bật/tắt thư điện tử theo từng loại thông báo (thông báo trong hệ thống luôn được giữ)",
        body: ZNotificationPreferencesUpdate,
        response: { 200: ZNotificationPreferences },
      },
    },
    async (request) => service.savePreferences(serviceContext(request, deps), request.body, emailConfigured),
  );
}
