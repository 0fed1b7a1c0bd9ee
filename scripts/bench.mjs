// `npm run bench` (not part of `npm test`): the vitest micro-benchmarks, the server at province scale on
// PostgreSQL (apps/server/bench/run.ts: generator, read pages, deadline-day surge beside a bare route, start-up,
// memory, imports, the surge on PGlite), and the web bundle size when scripts/bench/web-bundle.mjs exists.
import fs from "node:fs";
import path from "node:path";
import { ensureInstalled, ensureServerBuilt, root, run } from "./lib.mjs";

ensureInstalled();
ensureServerBuilt();
let failed = 0;
// BENCH_ONLY=web: only the web's first load (no PostgreSQL needed); the other BENCH_ONLY values go to run.ts.
const webOnly = process.env.BENCH_ONLY === "web";
if (!webOnly) {
  if (run("npx", ["vitest", "bench", "--run", "--project", "core", "--project", "server-pglite"]) !== 0) failed++;
  if (run(process.execPath, ["--import", "tsx", "bench/run.ts"], { cwd: path.join(root, "apps/server") }) !== 0) {
    failed++;
  }
}
const bundle = path.join(root, "scripts/bench/web-bundle.mjs");
if (fs.existsSync(bundle) && run(process.execPath, [bundle]) !== 0) failed++;
process.exit(failed ? 1 : 0);
