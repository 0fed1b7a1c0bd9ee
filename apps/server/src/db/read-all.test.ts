import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/test-app.ts";
import { queryRows, readAll, type TDatabase, type TDbOrTx } from "./client.ts";

let database: TDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** A read that notes when it started and ended, and answers its own name. */
function tracedRead(db: TDbOrTx, name: string, trace: string[]) {
  return async () => {
    trace.push(`${name} started`);
    const [row] = await queryRows<{ name: string }>(db, sql`select ${name}::text as name, pg_sleep(0.02)`);
    trace.push(`${name} ended`);
    return row!.name;
  };
}

describe("independent reads", () => {
  it("inside a transaction run one after another, each answering in its place", async () => {
    const trace: string[] = [];
    const answers = await database.db.transaction((tx) =>
      readAll(tx, [tracedRead(tx, "a", trace), tracedRead(tx, "b", trace), tracedRead(tx, "c", trace)]),
    );
    expect(answers).toEqual(["a", "b", "c"]);
    expect(trace).toEqual(["a started", "a ended", "b started", "b ended", "c started", "c ended"]);
  });

  it("outside a transaction start together", async () => {
    const trace: string[] = [];
    const answers = await readAll(database.db, [
      tracedRead(database.db, "a", trace),
      tracedRead(database.db, "b", trace),
    ]);
    expect(answers).toEqual(["a", "b"]);
    expect(trace.slice(0, 2)).toEqual(["a started", "b started"]);
  });
});
