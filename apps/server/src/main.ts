import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { openDatabase } from "./db/client.ts";
import { loadEnv } from "./env.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { sweepOrphans } from "./modules/evidence/sweep.ts";
import { installBuiltinFrameworks } from "./modules/frameworks/builtin.ts";
import { mailerFromEnv } from "./modules/notifications/mailer.ts";
import { seedDemo } from "./seed/demo.ts";
import { openFileStore } from "./storage/open-file-store.ts";

const env = loadEnv();
const here = path.dirname(fileURLToPath(import.meta.url));

const database = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  poolSize: env.DATABASE_POOL_SIZE,
});
await installBuiltinFrameworks(database.db);
const seeded = env.SEED_DEMO ? await seedDemo(database.db) : false;

const mailer = mailerFromEnv(env);
const fileStore = await openFileStore(env).catch((err: Error) => {
  console.error(`Invalid configuration:\n  FILES_URL: ${err.message}`);
  process.exit(1);
});
const app = await buildApp({
  db: database.db,
  mailer,
  cookieSecure: env.COOKIE_SECURE,
  sessionTtlHours: env.SESSION_TTL_HOURS,
  cacheMs: env.CACHE_SECONDS * 1000,
  loginAttemptsPerMinute: env.LOGIN_ATTEMPTS_PER_MINUTE,
  trustProxy: env.TRUST_PROXY,
  allowedOrigins: [env.PUBLIC_URL, ...env.ALLOWED_ORIGINS],
  maxUploadMb: env.MAX_UPLOAD_MB,
  fileStore,
  webDist: env.WEB_DIST ?? path.resolve(here, "../../web/dist"),
  logger: { level: env.LOG_LEVEL },
});

app.log.info(
  { engine: database.engine, dataDir: database.engine === "pglite" ? env.DATA_DIR : undefined, demoSeeded: seeded },
  "database ready",
);

// What a crash left behind (unfinished uploads, files no document points to), older than a day: removed and logged.
const swept = await sweepOrphans(database.db, fileStore, { now: new Date() });
app.log.info(
  { tempFiles: swept.tempFiles, objects: swept.objects, loginCounters: swept.loginCounters },
  `orphan sweep: removed ${swept.tempFiles.length} unfinished uploads and ${swept.objects.length} unreferenced files`,
);

// In the server process, not in buildApp: tests drive reminders themselves, with their own clock.
const scheduler = startScheduler(
  { db: database.db, clock: () => new Date(), mailer, logger: app.log },
  { everyMinutes: env.SCHEDULER_MINUTES },
);

const shutdown = async (signal: string) => {
  app.log.info({ signal }, "shutting down");
  await scheduler.stop();
  await app.close();
  mailer?.close();
  await database.close();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: env.PORT, host: env.HOST });
