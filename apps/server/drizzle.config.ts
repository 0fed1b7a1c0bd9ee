import { defineConfig } from "drizzle-kit";

// Migrations are generated from src/db/schema.ts, checked in, and never edited once landed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
});
