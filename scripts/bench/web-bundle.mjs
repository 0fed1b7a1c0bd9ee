// The web's first load (part of `npm run bench`; alone: `node scripts/bench/web-bundle.mjs`). Builds the UI when its
// sources changed, then prints, from Vite's manifest, the JavaScript every visitor downloads before any page (the
// entry and what it imports) raw and gzip'd, and what the sign-in page and a signed-in home page add on top. It then
// starts the compiled server on the built files (empty PGlite database in a temporary folder, no demo data) and
// prints the content-encoding and cache-control headers of a script, a stylesheet, JSON and index.html as a browser
// asking for compressed files gets them. Fails when the initial JavaScript passes the budget or a header is wrong.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { ensureInstalled, ensureServerBuilt, ensureWebBuilt, root } from "../lib.mjs";

/** The budget of issue 12: at most 300 KB of gzip'd JavaScript for the first page. */
const INITIAL_GZIP_BUDGET = 300 * 1024;

ensureInstalled();
ensureWebBuilt();
ensureServerBuilt();

const dist = path.join(root, "apps/web/dist");
const manifest = JSON.parse(fs.readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
const kb = (bytes) => `${(bytes / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} KB`;

/** A chunk and every chunk it imports statically: what the browser must fetch before it runs. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
}

function size(keys) {
  let raw = 0;
  let gzip = 0;
  for (const key of keys) {
    const content = fs.readFileSync(path.join(dist, manifest[key].file));
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip, files: keys.size };
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const initial = closure(entry);
const initialSize = size(initial);
const withPages = (...pages) => {
  const keys = new Set(initial);
  for (const page of pages) closure(page, keys);
  return size(keys);
};

const rows = [
  ["initial JS (every visitor, before any page)", initialSize],
  ["+ sign-in page", withPages("src/features/auth/components/login-page.tsx")],
  [
    "+ shell and home page (signed in)",
    withPages("src/app/app-shell.tsx", "src/features/overview/components/home-page.tsx"),
  ],
  [
    "+ shell, home and dashboard (leaders)",
    withPages(
      "src/app/app-shell.tsx",
      "src/features/overview/components/home-page.tsx",
      "src/features/dashboard/components/dashboard-page.tsx",
    ),
  ],
];
console.log("\nWeb bundle (apps/web/dist)");
for (const [label, s] of rows) {
  console.log(
    `  ${label.padEnd(46)} ${kb(s.raw).padStart(10)} raw  ${kb(s.gzip).padStart(9)} gzip  (${s.files} files)`,
  );
}
let failed = false;
// The budget holds for what every visitor fetches and for the first page a new visitor sees (the sign-in form).
for (const [label, s] of rows.slice(0, 2)) {
  const good = s.gzip <= INITIAL_GZIP_BUDGET;
  if (!good) failed = true;
  console.log(`  ${good ? "✓" : "✗"} ${label}: ${kb(s.gzip)} gzip, budget ${kb(INITIAL_GZIP_BUDGET)}`);
}

// ——— what the server sends ———
function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-web-bench-"));
const port = await freePort();
const server = spawn(process.execPath, [path.join(root, "apps/server/dist/main.js")], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: "",
    DATA_DIR: dataDir,
    SEED_DEMO: "false",
    WEB_DIST: dist,
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
try {
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 120_000 || server.exitCode !== null) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const entryFile = manifest[entry].file;
  const cssFile = manifest[entry].css?.[0] ?? Object.values(manifest).find((c) => c.css?.length)?.css?.[0];
  const checks = [
    { what: "script", url: `/${entryFile}`, encoding: true, cache: "public, max-age=31536000, immutable" },
    ...(cssFile
      ? [{ what: "stylesheet", url: `/${cssFile}`, encoding: true, cache: "public, max-age=31536000, immutable" }]
      : []),
    { what: "JSON (API)", url: "/api/openapi.json", encoding: true, cache: null },
    { what: "index.html", url: "/", encoding: false, cache: "no-cache" },
    { what: "a page's address (index.html)", url: "/reports", encoding: false, cache: "no-cache" },
  ];
  console.log("\nServer headers (Accept-Encoding: br, gzip)");
  for (const check of checks) {
    // undici's fetch decodes bodies but keeps the header; the body is read so the connection is released
    const res = await fetch(`${base}${check.url}`, { headers: { "accept-encoding": "br, gzip" } });
    await res.arrayBuffer();
    const encoding = res.headers.get("content-encoding");
    const cache = res.headers.get("cache-control");
    const good =
      res.ok &&
      (!check.encoding || encoding === "br" || encoding === "gzip") &&
      (!check.cache || cache === check.cache);
    if (!good) failed = true;
    console.log(
      `  ${good ? "✓" : "✗"} ${check.what.padEnd(30)} ${String(res.status)}  content-encoding: ${encoding ?? "—"}  cache-control: ${cache ?? "—"}`,
    );
  }
} finally {
  server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
