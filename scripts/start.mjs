// `npm start`: install what is missing, build the web UI if needed, start API + UI on one port.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureInstalled, ensureWebBuilt, root } from "./lib.mjs";

ensureInstalled();
ensureWebBuilt();

const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: path.join(root, "apps/server"),
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? "data") },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
