import zlib from "node:zlib";
import type { TActor, TGrant } from "@chiso/core";
import Fastify, { type FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { acceptedEncoding, readKey, registerSharedReads } from "./shared-reads.ts";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function setup() {
  const app = Fastify();
  const shared = registerSharedReads(app);
  app.post("/change", async () => ({ ok: true }));
  app.post("/refused", async (_request, reply) => reply.status(409).send({ ok: false }));
  await app.ready();
  let computed = 0;
  const gate = deferred<string>();
  const compute = () => {
    computed++;
    return gate.promise.then((v) => `${v}#${computed}`);
  };
  return { app, shared, compute, gate, computed: () => computed };
}

describe("shared reads", () => {
  it("requests arriving while the same page is computed share that computation", async () => {
    const { shared, compute, gate, computed } = await setup();
    const first = shared.run("heatmap?p=1", compute);
    const second = shared.run("heatmap?p=1", compute);
    const other = shared.run("heatmap?p=2", compute);
    gate.resolve("rows");
    expect(await first).toBe("rows#2");
    expect(await second).toBe("rows#2");
    expect(await other).toBe("rows#2");
    expect(computed()).toBe(2);
  });

  it("keeps nothing once the computation ended", async () => {
    const { shared, compute, gate, computed } = await setup();
    gate.resolve("rows");
    await shared.run("k", compute);
    await shared.run("k", compute);
    expect(computed()).toBe(2);
  });

  it("a change through this instance ends sharing of computations started before it", async () => {
    const { app, shared, compute, gate, computed } = await setup();
    const before = shared.run("k", compute);
    expect((await app.inject({ method: "POST", url: "/refused" })).statusCode).toBe(409);
    shared.run("k", compute); // a refused change changed nothing: still shared
    expect(computed()).toBe(1);
    await app.inject({ method: "POST", url: "/change" });
    const after = shared.run("k", compute);
    expect(computed()).toBe(2);
    gate.resolve("rows");
    await Promise.all([before, after]);
  });

  it("an error reaches every request that shared the computation, and the next one computes again", async () => {
    const { shared } = await setup();
    const failing = deferred<string>();
    const a = shared.run("k", () => failing.promise.then(() => Promise.reject(new Error("hỏng"))));
    const b = shared.run("k", () => Promise.resolve("never"));
    failing.resolve("");
    await expect(a).rejects.toThrow("hỏng");
    await expect(b).rejects.toThrow("hỏng");
    expect(await shared.run("k", () => Promise.resolve("again"))).toBe("again");
  });
});

describe("shared JSON", () => {
  it("two requests in flight get one computation encoded once by the schema", async () => {
    const app = Fastify();
    const shared = registerSharedReads(app);
    const actor: TActor = { id: "a", unitId: "u0", grants: [] };
    const schema = z.object({ at: z.iso.datetime(), n: z.number() });
    let computed = 0;
    const gate = deferred<void>();
    app.get("/page", (request, reply) =>
      shared.send(request, reply, actor, schema, async () => {
        computed++;
        await gate.promise;
        return { at: "2026-11-30T03:00:00.000Z", n: 1.5 };
      }),
    );
    await app.ready();
    const both = Promise.all([app.inject("/page?x=1"), app.inject("/page?x=1")]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    gate.resolve();
    const [a, b] = await both;
    expect(computed).toBe(1);
    expect(a.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(a.json()).toEqual({ at: "2026-11-30T03:00:00.000Z", n: 1.5 });
    expect(b.body).toBe(a.body);
  });
});

describe("acceptedEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["*", "br"],
    ["identity", null],
    [undefined, null],
    ["gzip;q=0", null],
  ])("%s → %s", (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });

  it("sends a large shared page compressed, and the same bytes to each request", async () => {
    const app = Fastify();
    const shared = registerSharedReads(app);
    const rows = Array.from({ length: 500 }, (_, i) => ({ name: `Phường ${i}`, score: i / 2 }));
    const schema = z.object({ rows: z.array(z.object({ name: z.string(), score: z.number() })) });
    app.get("/page", (request, reply) =>
      shared.send(request, reply, { id: "a", unitId: "u0", grants: [] }, schema, async () => ({ rows })),
    );
    await app.ready();
    const br = await app.inject({ url: "/page", headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual({ rows });
    const gzip = await app.inject({ url: "/page", headers: { "accept-encoding": "gzip" } });
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString())).toEqual({ rows });
    const plain = await app.inject({ url: "/page" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json()).toEqual({ rows });
  });
});

describe("readKey", () => {
  const request = (query: object) => ({ routeOptions: { url: "/api/dashboard/heatmap" }, query }) as FastifyRequest;
  const actor = (id: string, unitId: string, grants: TActor["grants"]): TActor => ({ id, unitId, grants });
  const leader: TGrant = { role: "viewer", scopeUnitId: null, scopePath: [] };
  const reporter: TGrant = { role: "unit_reporter", scopeUnitId: "u1", scopePath: ["u1"] };

  it("is the same for two people holding the same roles in the same unit", () => {
    expect(readKey(request({ periodId: "p" }), actor("a", "u0", [leader, reporter]))).toBe(
      readKey(request({ periodId: "p" }), actor("b", "u0", [reporter, leader])),
    );
  });

  it("differs by unit, by roles and their scope, and by query", () => {
    const base = readKey(request({ periodId: "p" }), actor("a", "u0", [leader]));
    expect(readKey(request({ periodId: "p" }), actor("a", "u1", [leader]))).not.toBe(base);
    expect(readKey(request({ periodId: "p" }), actor("a", "u0", [reporter]))).not.toBe(base);
    expect(
      readKey(request({ periodId: "p" }), actor("a", "u0", [{ ...leader, scopeUnitId: "u9", scopePath: ["u9"] }])),
    ).not.toBe(base);
    expect(readKey(request({ periodId: "q" }), actor("a", "u0", [leader]))).not.toBe(base);
  });
});
