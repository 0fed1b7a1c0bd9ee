// `npm run build --workspace @chiso/server`: the server as plain JavaScript for production (no TypeScript at run
// time). One bundle per entry (main, cli) with @chiso/core inside; npm packages stay external and load from
// node_modules. Files the code reads beside itself are copied next to the bundles.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, "dist");
const pkg = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
const core = JSON.parse(fs.readFileSync(path.join(here, "../../packages/core/package.json"), "utf8"));

fs.rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(here, "src/main.ts"), cli: path.join(here, "src/cli.ts") },
  outdir: dist,
  bundle: true,
  // Modules loaded on demand (the S3 store) become chunks of their own, with their npm imports: not loaded at start.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(core.dependencies ?? {})],
  // Bundled CommonJS dependencies of core (none today) would need `require`: give ESM one.
  banner: {
    js: "import { createRequire as __chisoRequire } from 'node:module'; const require = __chisoRequire(import.meta.url);",
  },
  logLevel: "warning",
});
// db/client.ts reads ./migrations beside itself; the demo seed reads the plan fixtures.
fs.cpSync(path.join(here, "src/db/migrations"), path.join(dist, "migrations"), { recursive: true });
fs.cpSync(path.join(here, "src/modules/plans/fixtures"), path.join(dist, "plan-fixtures"), {
  recursive: true,
  filter: (file) => !file.endsWith(".test.ts"),
});
console.log(`server built in ${path.relative(process.cwd(), dist)}`);
