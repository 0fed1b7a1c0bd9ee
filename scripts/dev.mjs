// `npm run dev`: API with reload on port 3000 and the Vite dev server on 5173 (proxying /api).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureInstalled, root } from "./lib.mjs";

ensureInstalled();
const children = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "src/main.ts"], {
    cwd: path.join(root, "apps/server"),
    stdio: "inherit",
    env: { ...process.env, DATA_DIR: path.resolve(root, process.env.DATA_DIR ?? "data"), WEB_DIST: "/nonexistent" },
  }),
  spawn("npx", ["vite"], { cwd: path.join(root, "apps/web"), stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
