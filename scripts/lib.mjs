// Shared by the start and test commands: plain Node, no dependencies, so they run on a fresh clone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status ?? 1;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtime(path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return newest;
}

/** Installs dependencies from the lockfile when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (mtime(marker) >= mtime(path.join(root, "package-lock.json"))) return;
  console.log("› Cài đặt thư viện (npm install, theo package-lock.json)…");
  // `npm install` rather than `npm ci`: with a lockfile present it installs the pinned versions, and unlike
  // `npm ci` it tolerates optional platform binaries (e.g. Biome's for other OSes) a registry mirror lacks.
  if (run("npm", ["install", "--no-audit", "--no-fund"]) !== 0) process.exit(1);
}

/** Builds the web UI when it was never built or its sources (or core's) changed since. */
export function ensureWebBuilt() {
  const index = path.join(root, "apps/web/dist/index.html");
  const sources = Math.max(
    newestIn(path.join(root, "apps/web/src")),
    newestIn(path.join(root, "packages/core/src")),
    mtime(path.join(root, "apps/web/index.html")),
    mtime(path.join(root, "apps/web/vite.config.ts")),
  );
  if (mtime(index) >= sources) return;
  console.log("› Dựng giao diện web (vite build)…");
  if (run("npx", ["vite", "build", "--logLevel", "warn"], { cwd: path.join(root, "apps/web") }) !== 0) process.exit(1);
}

/** Compiles the server to JavaScript (apps/server/dist) when it was never built or its sources (or core's) changed. */
export function ensureServerBuilt() {
  const main = path.join(root, "apps/server/dist/main.js");
  const sources = Math.max(
    newestIn(path.join(root, "apps/server/src")),
    newestIn(path.join(root, "packages/core/src")),
    mtime(path.join(root, "apps/server/build.mjs")),
    mtime(path.join(root, "package-lock.json")),
  );
  if (mtime(main) >= sources) return;
  console.log("› Biên dịch máy chủ (esbuild)…");
  if (run(process.execPath, ["build.mjs"], { cwd: path.join(root, "apps/server") }) !== 0) process.exit(1);
}
