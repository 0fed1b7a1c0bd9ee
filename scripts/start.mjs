// `npm start`: install what is missing, build the web UI and compile the server if needed, start API + UI on one
// port. The server runs as plain JavaScript (apps/server/dist): no TypeScript is transpiled at run time.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureInstalled, ensureServerBuilt, ensureWebBuilt, root } from "./lib.mjs";

ensureInstalled();
ensureWebBuilt();
ensureServerBuilt();

const server = spawn(process.execPath, ["--enable-source-maps", "dist/main.js"], {
  cwd: path.join(root, "apps/server"),
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? "data") },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
