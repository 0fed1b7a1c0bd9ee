/**
 * `npm run bench` (server part): a large province on PostgreSQL, then — against the app started as in
 * production — each read page at 1 and 20 users, the deadline-day surge beside a bare route doing the same
 * UPDATE, imports, start-up time and server memory; the surge again on PGlite. Prints a report and writes
 * it to bench/last-run.md (docs/performance.md quotes it).
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/chiso_bench; created when missing and reused
 * once generated), BENCH_SURGE_SECONDS (30), BENCH_PAGE_SECONDS (10), BENCH_PGLITE (1; 0 skips PGlite).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";
import { multipartBody } from "../src/test/multipart.ts";
import { runLoad, type TLoadResult } from "./load.ts";
import {
  BENCH_ROUND,
  generateProvince,
  LARGE_PROVINCE,
  MARKER,
  provinceCounts,
  surgeSlots,
  type TProvinceSize,
} from "./province.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const serverRoot = path.resolve(here, "..");
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/chiso_bench";
const surgeSeconds = Number(process.env.BENCH_SURGE_SECONDS ?? 30);
/**
 * The surge is measured after this many seconds of the same load, for the app and the bare route alike: a
 * process's first seconds (the JIT compiling, the first save of each of 500 users reading its context) are not the
 * deadline day of a server that has been up since the morning. They are printed on their own line.
 */
const warmUpSeconds = Number(process.env.BENCH_SURGE_WARMUP_SECONDS ?? 5);
const pageSeconds = Number(process.env.BENCH_PAGE_SECONDS ?? 10);
const withPglite = process.env.BENCH_PGLITE !== "0";
/** BENCH_ONLY=generate|pages|exports|surge runs one part (while working on it); default everything. */
const only = process.env.BENCH_ONLY;
const part = (name: string) => !only || only.split(",").includes(name);
/** BENCH_PAGES="framework detail,heatmap" measures only those read pages (comparing before/after one change). */
const onlyPages = process.env.BENCH_PAGES?.split(",").map((p) => p.trim());
const SURGE_CONNECTIONS = 500;
const BUDGET = { surgeRatio: 0.5, surgeP95: 500, pageP95: 300, pageBytes: 1024 * 1024, rssMb: 600, startMs: 2000 };

const out: string[] = [];
const print = (line = "") => {
  console.log(line);
  out.push(line);
};
const ms = (n: number) => `${Math.round(n)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? "✓" : "✗ over budget");

/** Creates the bench database, or makes it anew when an older generator (or a failed run) left it. */
async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1).replaceAll('"', "");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const { rows } = await client.query("select 1 from pg_database where datname = $1", [name]);
  const current = rows.length > 0 && (await hasMarker(url).catch(() => false));
  if (rows.length > 0 && !current) await client.query(`drop database "${name}" with (force)`);
  if (!current) await client.query(`create database "${name}"`);
  await client.end();
}

async function hasMarker(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("select 1 from settings where key = $1", [MARKER]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

async function prepare(options: { url?: string; dataDir?: string }, size: TProvinceSize) {
  const database = await openDatabase(options);
  try {
    const seconds = await generateProvince(database.db, size, (line) => print(line));
    print(seconds ? `generated in ${seconds.toFixed(0)} s` : "reused the generated province");
    const counts = await provinceCounts(database.db);
    print(
      Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(" · "),
    );
    return await surgeSlots(database.db);
  } finally {
    await database.close();
  }
}

/** Resident memory of a process (Linux), in MB. */
function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kbytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kbytes / 1024;
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far (all its threads, user + system, Linux), in ms. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

interface TServer {
  origin: string;
  child: ChildProcess;
  startMs: number;
  peakRssMb(): number;
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts a process and waits until `healthPath` answers 200; samples its memory until stopped. */
async function startProcess(args: string[], env: Record<string, string>, healthPath: string): Promise<TServer> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: serverRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    const ok = await fetch(`${origin}${healthPath}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const startMs = performance.now() - started;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, child.pid ? rssMb(child.pid) : 0);
  }, 200);
  return {
    origin,
    child,
    startMs,
    peakRssMb: () => peak,
    cpuMs: () => (child.pid ? cpuMs(child.pid) : 0),
    stop: async () => {
      clearInterval(sampler);
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The app as production starts it: the compiled server when built (npm run build --workspace @chiso/server). */
function appArgs(): string[] {
  const compiled = path.join(serverRoot, "dist/main.js");
  // BENCH_PROFILE=<folder>: the app writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const flags = process.env.BENCH_APP_FLAGS?.split(" ").filter(Boolean) ?? [];
  return [...flags, ...profile, ...(fs.existsSync(compiled) ? [compiled] : ["--import", "tsx", "src/main.ts"])];
}

const appEnv = { SEED_DEMO: "false", SCHEDULER_MINUTES: "0", WEB_DIST: path.join(os.tmpdir(), "chiso-bench-no-web") };

async function login(origin: string, username: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "ChiSo@2025" }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function getJson<T>(origin: string, url: string, cookie: string): Promise<T> {
  const res = await fetch(`${origin}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The read pages as the web calls them. */
async function readPages(origin: string, cookie: string) {
  const frameworks = await getJson<{ id: string; code: string; status: string }[]>(origin, "/api/frameworks", cookie);
  const framework = frameworks.find((f) => f.status === "published") ?? frameworks[0];
  if (!framework) throw new Error("no framework");
  const periods = await getJson<{ id: string; deadline: string; isClosed: boolean }[]>(
    origin,
    `/api/periods?frameworkId=${framework.id}`,
    cookie,
  );
  const open = periods.find((p) => !p.isClosed && new Date(p.deadline) > new Date()) ?? periods[0];
  const review = periods.find((p) => !p.isClosed && new Date(p.deadline) < new Date()) ?? open;
  if (!open || !review) throw new Error("no period");
  const rounds = await getJson<{ id: string; name: string }[]>(origin, "/api/assessment-rounds", cookie);
  // The generated round (1,000 agencies × 50 criteria): its league table is computed live until published.
  const round = rounds.find((r) => r.name === BENCH_ROUND);
  // The assignment editor's whole list of the indicator with the most cooperating units (~800).
  const { indicators } = await getJson<{ indicators: { id: string; cooperatingCount: number }[] }>(
    origin,
    `/api/frameworks/${framework.id}`,
    cookie,
  );
  const longest = indicators.reduce((a, b) => (b.cooperatingCount > a.cooperatingCount ? b : a));
  return [
    ["dashboard", `/api/dashboard?frameworkId=${framework.id}&periodId=${open.id}`],
    ["heatmap", `/api/dashboard/heatmap?periodId=${open.id}`],
    ["unit ranking", `/api/dashboard/units?periodId=${review.id}`],
    ["completeness", `/api/completeness?periodId=${open.id}`],
    ["review table", `/api/reports?periodId=${review.id}&page=1&pageSize=50`],
    ["framework detail", `/api/frameworks/${framework.id}`],
    ["indicator assignment", `/api/frameworks/${framework.id}/indicators/${longest.id}/assignment`],
    ["work list", "/api/worklist"],
    ...(round ? ([["assessment results (live)", `/api/assessment-rounds/${round.id}/results`]] as const) : []),
  ] as const;
}

async function benchPages(app: TServer) {
  const cookie = await login(app.origin, "admin");
  const pages = await readPages(app.origin, cookie);
  print();
  print("| page | 1 user p50 | 1 user p95 | 20 users p50 | 20 users p95 | 20 users req/s | response | budget |");
  print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  let worst = 0;
  for (const [name, url] of pages) {
    if (onlyPages && !onlyPages.includes(name)) continue;
    const step = (send: Parameters<Parameters<typeof runLoad>[0]["step"]>[0]) =>
      send({ method: "GET", path: url, headers: { cookie } });
    await runLoad({ origin: app.origin, connections: 1, requests: 3, step }); // warm
    const one = await runLoad({
      origin: app.origin,
      connections: 1,
      requests: 30,
      durationMs: pageSeconds * 1000,
      step,
    });
    const twenty = await runLoad({ origin: app.origin, connections: 20, durationMs: pageSeconds * 1000, step });
    if (one.errors || twenty.errors) print(`  ${name}: ${one.errors + twenty.errors} errors`);
    const bytes = Math.max(one.maxBytes, twenty.maxBytes);
    worst = Math.max(worst, twenty.p95);
    const ok = twenty.p95 <= BUDGET.pageP95 && bytes <= BUDGET.pageBytes && !one.errors && !twenty.errors;
    print(
      `| ${name} | ${ms(one.p50)} | ${ms(one.p95)} | ${ms(twenty.p50)} | ${ms(twenty.p95)} | ${twenty.rate.toFixed(1)} | ${kb(bytes)} | ${verdict(ok)} |`,
    );
  }
  return worst;
}

type TSlots = Awaited<ReturnType<typeof prepare>>;

/** 500 users each saving their own draft, as fast as the server answers: a warm-up, then `surgeSeconds` measured. */
async function surge(server: TServer, slots: TSlots, pathOf: (reportId: string) => string) {
  const origin = server.origin;
  const versions = slots.map((s) => s.version);
  const load = (seconds: number) =>
    runLoad({
      origin,
      connections: Math.min(SURGE_CONNECTIONS, slots.length),
      durationMs: seconds * 1000,
      step: async (send, n) => {
        const slot = slots[n]!;
        const res = await send({
          method: "PATCH",
          path: pathOf(slot.reportId),
          headers: { cookie: `chiso_session=${slot.token}`, "content-type": "application/json" },
          body: JSON.stringify({ values: slot.values, note: `Lưu nháp ${versions[n]}`, version: versions[n] }),
        });
        if (res.status === 200) versions[n] = (JSON.parse(res.body) as { version: number }).version;
        return res;
      },
    });
  const warmUp = warmUpSeconds > 0 ? await load(warmUpSeconds) : null;
  const cpuBefore = server.cpuMs();
  const measured = await load(surgeSeconds);
  // Steadier than saves/s on a machine whose disk and neighbours vary: what one save costs the server's process.
  const cpuPerSave = (server.cpuMs() - cpuBefore) / measured.requests;
  return { warmUp, measured, cpuPerSave };
}

/** The measured row, and the warm-up's below it. */
function printSurge(label: string, result: Awaited<ReturnType<typeof surge>>) {
  print(surgeLine(label, result.measured, result.cpuPerSave));
  if (result.warmUp) print(surgeLine(`↳ its first ${warmUpSeconds} s (warm-up, not counted)`, result.warmUp));
}

const surgeLine = (label: string, r: TLoadResult, cpuPerSave?: number) =>
  `| ${label} | ${r.rate.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${kb(r.maxBytes)} | ${cpuPerSave === undefined ? "" : `${cpuPerSave.toFixed(2)} ms`} |`;
const SURGE_HEAD = [
  "| target | saves/s | p50 | p95 | p99 | errors | response | server CPU per save |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

async function benchImports(app: TServer) {
  const cookie = await login(app.origin, "admin");
  const file = path.join(serverRoot, "src/modules/plans/fixtures/seed-001.docx");
  const body = multipartBody({ name: "seed-001.docx", content: fs.readFileSync(file) });
  const t0 = performance.now();
  const preview = await fetch(`${app.origin}/api/plans/import/preview`, {
    method: "POST",
    headers: { cookie, ...body.headers },
    body: body.payload,
  });
  if (!preview.ok) throw new Error(`plan preview: ${preview.status} ${await preview.text()}`);
  const p = (await preview.json()) as {
    header: Record<string, unknown>;
    tables: unknown[];
    tableIndex: number;
    frameworkId: string | null;
    rows: { kind: string }[];
  };
  const t1 = performance.now();
  const commit = await fetch(`${app.origin}/api/plans/import`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({
      plan: { code: `BENCH-${Date.now()}/KH`, title: "Kế hoạch thử tải", startYear: 2025 },
      table: p.tables[p.tableIndex],
      frameworkId: p.frameworkId,
    }),
  });
  if (commit.status !== 201) throw new Error(`plan import: ${commit.status} ${await commit.text()}`);
  const t2 = performance.now();
  const tasks = p.rows.filter((r) => r.kind === "task").length;
  print(`plan import (seed-001.docx, ${tasks} tasks): preview ${ms(t1 - t0)}, commit ${ms(t2 - t1)}`);
}

/**
 * The province's period workbook as the coordinator downloads it: time to the first byte of the file (what the
 * browser shows as a download starting), to the last, and its size. The median of three, one at a time.
 */
async function benchExports(app: TServer) {
  const cookie = await login(app.origin, "admin");
  const pages = await readPages(app.origin, cookie);
  const periodId = new URLSearchParams(pages[2][1].split("?")[1]).get("periodId");
  const runs: { first: number; total: number; bytes: number }[] = [];
  for (let n = 0; n < 3; n++) {
    const t0 = performance.now();
    const res = await fetch(`${app.origin}/api/exports/period/${periodId}.xlsx`, { headers: { cookie } });
    if (!res.ok || !res.body) throw new Error(`period workbook: ${res.status}`);
    let first = 0;
    let bytes = 0;
    for await (const chunk of res.body) {
      if (!first) first = performance.now() - t0;
      bytes += chunk.length;
    }
    runs.push({ first, total: performance.now() - t0, bytes });
  }
  const median = (pick: (r: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[1]!;
  print(
    `period workbook (province, the period under review): first byte ${ms(median((r) => r.first))}, whole file ${ms(median((r) => r.total))}, ${(median((r) => r.bytes) / 1024 / 1024).toFixed(1)} MB`,
  );
}

async function main() {
  print(`# Bench run ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}`);
  print();
  print(`## PostgreSQL (${new URL(databaseUrl).pathname.slice(1)})`);
  await ensureDatabase(databaseUrl);
  const slots = await prepare({ url: databaseUrl }, LARGE_PROVINCE);
  if (only === "generate") return;

  const app = await startProcess(appArgs(), { ...appEnv, DATABASE_URL: databaseUrl }, "/api/health");
  print(`start to first health on existing data: ${ms(app.startMs)} ${verdict(app.startMs < BUDGET.startMs)}`);
  const worstPage = part("pages") ? await benchPages(app) : 0;
  if (part("pages")) await benchImports(app);
  if (part("exports")) await benchExports(app);
  if (!part("surge")) {
    print(`server memory (peak RSS): ${app.peakRssMb().toFixed(0)} MB`);
    await app.stop();
    return;
  }

  print();
  print(
    `### Surge: ${slots.length} connections, each saving its own draft, ${surgeSeconds} s after ${warmUpSeconds} s of warm-up`,
  );
  for (const line of SURGE_HEAD) print(line);
  const appSurge = await surge(app, slots, (id) => `/api/reports/${id}`);
  printSurge("app PATCH /api/reports/:id", appSurge);
  const appRss = app.peakRssMb();
  await app.stop();

  const bare = await startProcess(
    ["--import", "tsx", "bench/bare-server.ts"],
    { DATABASE_URL: databaseUrl },
    "/bare/health",
  );
  const fresh = await prepare({ url: databaseUrl }, LARGE_PROVINCE);
  const bareSurge = await surge(bare, fresh, (id) => `/bare/reports/${id}`);
  await bare.stop();
  printSurge("bare Fastify route, same UPDATE", bareSurge);
  const ratio = appSurge.measured.rate / bareSurge.measured.rate;
  print();
  print(
    `surge ratio app / bare: ${ratio.toFixed(2)} ${verdict(ratio >= BUDGET.surgeRatio)}; app p95 ${ms(appSurge.measured.p95)} ${verdict(appSurge.measured.p95 <= BUDGET.surgeP95)}`,
  );
  print(`worst read page p95 at 20 users: ${ms(worstPage)} ${verdict(worstPage <= BUDGET.pageP95)}`);
  print(`server memory (peak RSS): ${appRss.toFixed(0)} MB ${verdict(appRss < BUDGET.rssMb)}`);

  if (withPglite && !only) {
    print();
    print("## PGlite (embedded), smaller province: 500 units, 2 quarters");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-bench-pglite-"));
    try {
      const small = await prepare({ dataDir }, { units: 500, cooperatingShare: 0.8, quarters: 2, surgeUsers: 500 });
      const lite = await startProcess(appArgs(), { ...appEnv, DATA_DIR: dataDir, DATABASE_URL: "" }, "/api/health");
      print(`start to first health on existing data: ${ms(lite.startMs)}`);
      const liteSurge = await surge(lite, small, (id) => `/api/reports/${id}`);
      for (const line of SURGE_HEAD) print(line);
      printSurge("app on PGlite", liteSurge);
      print(`server memory (peak RSS): ${lite.peakRssMb().toFixed(0)} MB`);
      await lite.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  fs.writeFileSync(path.join(here, "last-run.md"), `${out.join("\n")}\n`);
}

await main();
