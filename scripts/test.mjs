// `npm test`: every check, in order, stopping at the first failure. Lint and format, types, unit and API
// tests (on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set), then the browser journeys.
import { ensureInstalled, ensureWebBuilt, run } from "./lib.mjs";

ensureInstalled();

const projects = ["--project", "core", "--project", "server-pglite"];
if (process.env.TEST_DATABASE_URL) projects.push("--project", "server-postgres");
else console.log("› TEST_DATABASE_URL is not set: the API suite runs on PGlite only.");

const steps = [
  ["Lint & format (Biome)", () => run("npx", ["biome", "ci", "."])],
  ["Types (tsc --noEmit)", () => run("node", ["scripts/typecheck.mjs"])],
  ["Unit & API tests (Vitest)", () => run("npx", ["vitest", "run", ...projects])],
  [
    "Browser journeys (Chromium)",
    () => {
      ensureWebBuilt();
      return run("npx", ["vitest", "run", "--project", "e2e"]);
    },
  ],
];

for (const [name, step] of steps) {
  console.log(`\n━━ ${name}`);
  const status = step();
  if (status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(status);
  }
}
console.log("\n✓ All checks passed");
