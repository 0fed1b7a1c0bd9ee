import fs from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { TDb } from "./db/client.ts";
import type { TApp } from "./http/app-types.ts";
import { registerAuth } from "./http/auth.ts";
import type { TAppDeps, TClock } from "./http/context.ts";
import { registerErrorHandler } from "./http/errors.ts";
import { registerRequestGuard } from "./http/request-guard.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { registerSharedReads } from "./http/shared-reads.ts";
import { accountRoutes } from "./modules/accounts/routes.ts";
import { assessmentRoutes } from "./modules/assessments/routes.ts";
import { auditRoutes } from "./modules/audit/routes.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { completenessRoutes } from "./modules/completeness/routes.ts";
import { dashboardRoutes } from "./modules/dashboard/routes.ts";
import { documentRoutes } from "./modules/evidence/routes.ts";
import { exportRoutes } from "./modules/exports/routes.ts";
import { frameworkRoutes } from "./modules/frameworks/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import type { TMailer } from "./modules/notifications/mailer.ts";
import { notificationRoutes } from "./modules/notifications/routes.ts";
import { periodRoutes } from "./modules/periods/routes.ts";
import { planRoutes } from "./modules/plans/routes.ts";
import { reportRoutes } from "./modules/reports/routes.ts";
import { registerSaveContexts } from "./modules/reports/save-contexts.ts";
import { resultRoutes } from "./modules/results/routes.ts";
import { settingsRoutes } from "./modules/settings/routes.ts";
import { unitGroupRoutes } from "./modules/unit-groups/routes.ts";
import { unitRoutes } from "./modules/units/routes.ts";
import { createLocalFileStore, type TFileStore } from "./storage/file-store.ts";

// Validation messages of every schema in Vietnamese (the UI's first language).
z.config(z.locales.vi());

export interface TBuildAppOptions {
  db: TDb;
  clock?: TClock;
  cookieSecure?: boolean;
  sessionTtlHours?: number;
  /**
   * How long looked-up sessions and draft-save contexts are kept in memory (main.ts: CACHE_SECONDS); off by
   * default, so tests see every change at once unless they ask for it.
   */
  cacheMs?: number;
  /** Login attempts per IP address per minute, on top of the per-account lock. */
  loginAttemptsPerMinute?: number;
  /** Proxies trusted to tell the client's address (X-Forwarded-For); off by default (env TRUST_PROXY). */
  trustProxy?: boolean | number | string[];
  /** Origins besides the request's own host allowed to send changes (PUBLIC_URL, ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Largest accepted upload (evidence, imported files), in MB. */
  maxUploadMb?: number;
  /** Where evidence files live (main.ts: FILES_DIR); defaults to ./data/files like the env defaults. */
  fileStore?: TFileStore;
  /** Built web UI to serve at / (SPA: unknown non-API paths get index.html). */
  webDist?: string | null;
  logger?: FastifyServerOptions["logger"];
  /** E-mail for notifications (main.ts: SMTP_URL); without one, notifications stay in the app. */
  mailer?: TMailer | null;
}

/** The whole HTTP application; tests build it the same way main.ts does. */
export async function buildApp(options: TBuildAppOptions): Promise<TApp> {
  const proxies = options.trustProxy ?? false;
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    // A number is how many proxies in front of the app are trusted (hops counted from the socket).
    trustProxy: typeof proxies === "number" ? (_address: string, hop: number) => hop < proxies : proxies,
  };
  const app = Fastify(serverOptions).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const maxUploadMb = options.maxUploadMb ?? 20;
  const deps: TAppDeps = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    files: options.fileStore ?? createLocalFileStore(path.resolve("data/files")),
    sharedReads: registerSharedReads(app),
    saveContexts: registerSaveContexts(app, options.cacheMs ?? 0),
    config: {
      cookieSecure: options.cookieSecure ?? false,
      sessionTtlHours: options.sessionTtlHours ?? 12,
      cacheMs: options.cacheMs ?? 0,
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 30,
      maxUploadMb,
    },
  };

  registerSecurityHeaders(app, deps.config.cookieSecure);
  // JSON and any uncompressed text (brotli at the plugin's fast level 4, else gzip); the web's built files are
  // compressed once at build time and served as they are (serveWeb), so this only touches API answers.
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fileSize: maxUploadMb * 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Chỉ số API",
        description: "API của hệ thống quản lý Bộ chỉ số chuyển đổi số (DTI)",
        version: "0.1.0",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "chiso_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs UI is public like the OpenAPI document itself.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerErrorHandler(app);
  registerAuth(app, deps);
  registerRequestGuard(app, { allowedOrigins: options.allowedOrigins ?? [] });

  healthRoutes(app, deps);
  authRoutes(app, deps);
  unitRoutes(app, deps);
  unitGroupRoutes(app, deps);
  accountRoutes(app, deps, { mailer: options.mailer ?? null });
  auditRoutes(app, deps);
  frameworkRoutes(app, deps);
  documentRoutes(app, deps);
  periodRoutes(app, deps);
  reportRoutes(app, deps);
  planRoutes(app, deps);
  notificationRoutes(app, deps, { mailer: options.mailer ?? null });
  completenessRoutes(app, deps);
  dashboardRoutes(app, deps);
  resultRoutes(app, deps);
  settingsRoutes(app, deps);
  exportRoutes(app, deps);
  assessmentRoutes(app, deps);

  const servesWeb = options.webDist ? await serveWeb(app, options.webDist) : false;
  app.setNotFoundHandler((request, reply) => {
    if (servesWeb && request.method === "GET" && !request.url.startsWith("/api/")) return reply.sendFile("index.html");
    return reply
      .status(404)
      .send({ error: { code: "NOT_FOUND", message: `Không có đường dẫn ${request.method} ${request.url}.` } });
  });
  return app;
}

async function serveWeb(app: TApp, webDist: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webDist, "index.html"))) {
    app.log.warn({ webDist }, "web UI not built; serving the API only");
    return false;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    // vite build writes .br and .gz beside each asset (apps/web/vite.config.ts): sent as they are to browsers that
    // accept them, with no compression work per request.
    preCompressed: true,
    setHeaders: (reply, file) => reply.header("cache-control", cacheControlFor(webDist, file)),
  });
  return true;
}

/**
 * Files under assets/ carry a hash of their content in their name: a new build gets new names, so browsers may keep
 * them for a year without asking. index.html names the current ones, so it is checked on every load.
 */
export function cacheControlFor(webDist: string, file: string): string {
  const relative = path.relative(webDist, file).split(path.sep);
  return relative[0] === "assets" ? "public, max-age=31536000, immutable" : "no-cache";
}
