// Type-checks every workspace with its own tsconfig (strict, no emit).
import { run } from "./lib.mjs";

const projects = ["packages/core", "apps/server", "apps/web", "e2e"];
let failed = 0;
for (const project of projects) {
  if (run("npx", ["tsc", "--noEmit", "-p", project]) !== 0) failed++;
}
process.exit(failed ? 1 : 0);
