// `npm run cli -- <command>`: operator commands of the server (run from the repository root).
import path from "node:path";
import { ensureInstalled, ensureServerBuilt, root, run } from "./lib.mjs";

ensureInstalled();
ensureServerBuilt();
process.exit(
  run(process.execPath, ["--enable-source-maps", "dist/cli.js", ...process.argv.slice(2)], {
    cwd: path.join(root, "apps/server"),
    env: { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? "data") },
  }),
);
