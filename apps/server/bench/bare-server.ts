/**
 * The yardstick of the surge: a bare Fastify route running the same UPDATE the app's save runs (values,
 * score, explanation, version check) on the same table, with the same pool size, and nothing else.
 * Started by run.ts as its own process, like the app.
 */
import Fastify from "fastify";
import pg from "pg";
import { defaultPoolSize } from "../src/db/client.ts";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE) || defaultPoolSize(),
  options: "-c jit=off",
});
const app = Fastify({ logger: false });

app.patch<{ Params: { id: string }; Body: { values: unknown; note: string | null; version: number } }>(
  "/bare/reports/:id",
  async (request, reply) => {
    const { rows } = await pool.query(
      `update reports set values = $1, note = $2, self_points = 1, self_explanation = 'bare', version = $3 + 1,
              updated_at = now() where id = $4 and version = $3 returning version`,
      [JSON.stringify(request.body.values), request.body.note, request.body.version, request.params.id],
    );
    if (rows.length === 0) return reply.status(409).send({ error: "stale" });
    return { version: rows[0].version };
  },
);
app.get("/bare/health", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
