// `npm run cli -- <command>`: operator commands of the server (run from the repository root).
import path from "node:path";
import { ensureInstalled, root, run } from "./lib.mjs";

ensureInstalled();
process.exit(
  run(process.execPath, ["--import", "tsx", "src/cli.ts", ...process.argv.slice(2)], {
    cwd: path.join(root, "apps/server"),
    env: { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? "data") },
  }),
);
