import path from "node:path";
import { z } from "zod";

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** PostgreSQL server; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** Connections of this instance to the PostgreSQL server; default a few per core (db/client.ts). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  DATA_DIR: z.string().default("./data"),
  /** Evidence files (content-addressed); default `<DATA_DIR>/files`. */
  FILES_DIR: z.string().optional(),
  /** Start with an empty database: no demo units, accounts or assignment. */
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** Folder of the built web UI served at /. */
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set when served over HTTPS so the session cookie is marked Secure. */
  COOKIE_SECURE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /**
   * Which proxies' X-Forwarded-For/-Proto to believe (client IP for audit and rate limits): "true" (any — the
   * default, for a server reachable only through its proxy), "false", or addresses/CIDRs "10.0.0.5,10.0.1.0/24".
   */
  TRUST_PROXY: z
    .string()
    .default("true")
    .transform((v): boolean | string => (v === "true" ? true : v === "false" ? false : v)),
  /** Largest accepted upload (evidence files, imported frameworks and plans), in MB. */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  /** Mail server for notifications, e.g. smtp://user:pass@mail.example.vn:587; absent = notifications in the app only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** Sender of notification e-mails. */
  MAIL_FROM: z.string().default('"Chỉ số" <no-reply@localhost>'),
  /** Address users open the system at, for links in e-mails; default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: "must be an http(s):// URL" }).optional(),
  /** Minutes between reminder runs of the built-in scheduler; 0 turns it off (run the CLI from cron instead). */
  SCHEDULER_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
});

/** FILES_DIR and PUBLIC_URL are always set once loaded: their defaults depend on DATA_DIR and PORT. */
export type TEnv = z.infer<typeof ZEnv> & { FILES_DIR: string; PUBLIC_URL: string };

/** Parses the environment once at start; lists every bad variable, then exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    console.error(`Invalid configuration:\n${lines.join("\n")}`);
    process.exit(1);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    DATA_DIR: dataDir,
    FILES_DIR: path.resolve(parsed.data.FILES_DIR ?? path.join(dataDir, "files")),
    PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`,
  };
}

/** `FOO=` in a shell or an env file means "not set", not "set to nothing". */
function withoutEmpty(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}
