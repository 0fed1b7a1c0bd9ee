import { defineConfig } from "vitest/config";

// One runner for every test. Projects: pure core logic, the HTTP API on PGlite,
// the same API suite on a real PostgreSQL server (only when TEST_DATABASE_URL is set),
// and browser journeys (run separately by scripts/test.mjs after the web build).
const withServer = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "core",
          root: "packages/core",
          include: ["src/**/*.test.ts"],
          benchmark: { include: ["src/**/*.bench.ts"] },
        },
      },
      {
        test: {
          name: "server-pglite",
          root: "apps/server",
          include: ["src/**/*.test.ts"],
          benchmark: { include: ["src/**/*.bench.ts"] },
          env: { TEST_DB_ENGINE: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withServer
        ? [
            {
              test: {
                name: "server-postgres",
                root: "apps/server",
                include: ["src/**/*.test.ts"],
                env: { TEST_DB_ENGINE: "postgres" },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          root: "e2e",
          include: ["**/*.e2e.ts"],
          globalSetup: ["./setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A journey polls what the user sees; on a busy machine a page takes longer than the default second to show it.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
