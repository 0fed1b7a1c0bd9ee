import path from "node:path";
import { z } from "zod";
import { S3_URL } from "./storage/file-store.ts";

const whole = (what: string) => `must be a whole number of ${what}`;

/**
 * Which proxies may tell the client's address in X-Forwarded-For (Fastify's trustProxy). Off by default: without a
 * proxy anyone can write that header, and the per-address login limit would count whatever they write.
 */
const ZTrustProxy = z
  .string()
  .default("false")
  .transform((value, ctx): boolean | number | string[] => {
    const v = value.trim().toLowerCase();
    if (v === "false" || v === "0") return false;
    if (v === "true") return true;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+|loopback|linklocal|uniquelocal)(\/\d{1,3})?$/;
    if (entries.length && entries.every((e) => address.test(e))) return entries;
    ctx.addIssue({
      code: "custom",
      message: "must be false, true, a number of proxies, or a comma-separated list of proxy addresses/CIDRs",
    });
    return z.NEVER;
  });

const ZEnv = z
  .object({
    PORT: z.coerce
      .number("must be a port number (1–65535)")
      .int("must be a port number (1–65535)")
      .min(1, "must be a port number (1–65535)")
      .max(65535, "must be a port number (1–65535)")
      .default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** PostgreSQL server; when absent the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    /** Connections of this instance to the PostgreSQL server; default a few per core (db/client.ts). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
    DATA_DIR: z.string().default("./data"),
    /** Evidence files (content-addressed); default `<DATA_DIR>/files`. With FILES_URL only its tmp/ is used (uploads in progress). */
    FILES_DIR: z.string().optional(),
    /** Evidence files in an S3-compatible bucket shared by every instance: `s3://bucket` or `s3://bucket/prefix`. */
    FILES_URL: z
      .string()
      .regex(
        S3_URL,
        "must be s3://bucket or s3://bucket/prefix (bucket: 3–63 lower-case letters, digits, dots, hyphens)",
      )
      .optional(),
    /** The object store's address (MinIO, a provider's S3 endpoint); absent for AWS S3 itself. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/, message: "must be an http(s):// URL" }).optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** `host/bucket` addressing (MinIO and most on-premises stores); default true when S3_ENDPOINT is set. */
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
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
    SESSION_TTL_HOURS: z.coerce
      .number(whole("hours"))
      .int(whole("hours, e.g. 12"))
      .min(1, "must be at least 1 hour")
      .max(24 * 30, "must be at most 720 hours (30 days)")
      .default(12),
    /**
     * Seconds a looked-up session and a draft save's context are kept in memory (0 = read them on every request).
     * A change made through another instance (logout, disabling, roles, a period closed) reaches this one at most
     * this much later.
     */
    CACHE_SECONDS: z.coerce.number(whole("seconds")).int(whole("seconds")).min(0).max(60).default(5),
    /** Sign-in attempts from one address per minute, whatever the username (on top of the per-account back-off). */
    LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number(whole("attempts")).int(whole("attempts")).min(1).max(10_000).default(30),
    TRUST_PROXY: ZTrustProxy,
    /** More origins allowed to send changes besides PUBLIC_URL and the request's own host (e.g. the Vite dev server). */
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(",").map((o) => o.trim()) : []))
      .pipe(z.array(z.url({ protocol: /^https?$/, message: "must be comma-separated http(s):// origins" }))),
    /** Largest accepted upload (evidence files, imported frameworks and plans), in MB. */
    MAX_UPLOAD_MB: z.coerce.number("must be a number of megabytes").positive().max(1024).default(20),
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
    SCHEDULER_MINUTES: z.coerce.number(whole("minutes")).int(whole("minutes")).min(0).max(1440).default(15),
  })
  .superRefine((env, ctx) => {
    // The S3 settings mean nothing without the bucket, and a key without its secret cannot sign: said at start.
    if (!env.FILES_URL) {
      for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"] as const) {
        if (env[name] !== undefined)
          ctx.addIssue({ code: "custom", path: [name], message: "is used only with FILES_URL=s3://…" });
      }
    } else if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "must be set together with the other S3 key" });
    }
  });

/** FILES_DIR and PUBLIC_URL are always set once loaded: their defaults depend on DATA_DIR and PORT. */
export type TEnv = z.infer<typeof ZEnv> & { FILES_DIR: string; PUBLIC_URL: string };

/** Parses the environment once at start; lists every bad variable, then exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = parseEnv(source);
  if (!parsed.ok) {
    console.error(`Invalid configuration:\n${parsed.problems.map((line) => `  ${line}`).join("\n")}`);
    process.exit(1);
  }
  return parsed.env;
}

/** The configuration, or one readable line per bad variable (`NAME: problem (was "value")`). */
export function parseEnv(source: NodeJS.ProcessEnv): { ok: true; env: TEnv } | { ok: false; problems: string[] } {
  const cleaned = withoutEmpty(source);
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? "");
      const value = cleaned[name];
      const secret = name.endsWith("_URL") || name === "S3_SECRET_ACCESS_KEY";
      const shown = value === undefined ? "" : ` (was ${JSON.stringify(secret ? "…" : value)})`;
      return `${name}: ${i.message}${shown}`;
    });
    return { ok: false, problems };
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ok: true,
    env: {
      ...parsed.data,
      DATA_DIR: dataDir,
      FILES_DIR: path.resolve(parsed.data.FILES_DIR ?? path.join(dataDir, "files")),
      PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`,
    },
  };
}

/** `FOO=` in a shell or an env file means "not set", not "set to nothing". */
function withoutEmpty(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}
