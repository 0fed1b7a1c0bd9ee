import zlib from "node:zlib";
import type { TActor } from "@chiso/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/**
 * Requests for the same heavy page (the dashboard, heatmap, ranking, completeness, review table of a period) that
 * arrive while that page is being computed for the same kind of viewer share the computation instead of starting
 * their own. On a deadline day twenty people open the province's heatmap within the same second; each waiting on
 * its own copy of a 100 ms query only made all of them wait longer (docs/performance.md).
 *
 * Nothing is kept once a computation ends, so nobody sees an older result than a request of their own would have
 * produced, with one exception bounded by one computation: a request may join a computation that started just
 * before it arrived. A change through this instance (any successful request that is not a read) ends sharing for
 * computations started before it, so whoever saved and reloads sees the change.
 */
export interface TSharedReads {
  run<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * Sends the page `compute` builds, shared as above together with its JSON: encoded once by the route's response
   * schema, as the route's serializer would, rather than once per request (a 240 KB ranking took longer to encode
   * than to query).
   */
  send<S extends z.ZodType>(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: TActor,
    schema: S,
    compute: () => Promise<z.output<S>>,
  ): Promise<FastifyReply>;
}

export function registerSharedReads(app: FastifyInstance): TSharedReads {
  let generation = 0;
  const inFlight = new Map<string, { generation: number; promise: Promise<unknown> }>();
  app.addHook("onResponse", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD" && reply.statusCode < 400) generation++;
  });
  const run = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const current = inFlight.get(key);
    if (current && current.generation === generation) return current.promise as Promise<T>;
    const promise: Promise<T> = compute().finally(() => {
      if (inFlight.get(key)?.promise === promise) inFlight.delete(key);
    });
    inFlight.set(key, { generation, promise });
    return promise;
  };
  return {
    run,
    async send(request, reply, actor, schema, compute) {
      const page = await run(`${readKey(request, actor)}:json`, async () =>
        encodedPage(JSON.stringify(z.encode(schema, await compute()))),
      );
      reply.type("application/json; charset=utf-8");
      const encoding = page.json.length >= COMPRESS_FROM ? acceptedEncoding(request.headers["accept-encoding"]) : null;
      if (!encoding) return reply.serializer(() => page.json).send(page.json);
      // Compressed once per page and encoding too; @fastify/compress leaves an encoded answer as it is.
      return reply
        .header("content-encoding", encoding)
        .header("vary", "accept-encoding")
        .send(page.compressed(encoding));
    },
  };
}

/** As @fastify/compress is set up in app.ts: answers from 1 KB, brotli at its fast level 4, else gzip. */
const COMPRESS_FROM = 1024;

function encodedPage(json: string) {
  const compressed = new Map<"br" | "gzip", Buffer>();
  return {
    json,
    compressed(encoding: "br" | "gzip"): Buffer {
      let bytes = compressed.get(encoding);
      if (!bytes) {
        bytes =
          encoding === "br"
            ? zlib.brotliCompressSync(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
            : zlib.gzipSync(json);
        compressed.set(encoding, bytes);
      }
      return bytes;
    },
  };
}

/** The client's preferred of brotli and gzip (an encoding with q=0 is refused), or null for none. */
export function acceptedEncoding(header: string | string[] | undefined): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const quality = (name: string) => accepted.get(name) ?? (accepted.get("*") || 0);
  if (quality("br") > 0 && quality("br") >= quality("gzip")) return "br";
  return quality("gzip") > 0 ? "gzip" : null;
}

/**
 * The key of a read: the route, its query, and what decides what the viewer may see — the unit and the roles held
 * where (the policy is a function of those). Two people with the same roles in the same unit see the same page.
 */
export function readKey(request: FastifyRequest, actor: TActor): string {
  const grants = actor.grants
    .map((g) => `${g.role}@${g.scopePath.join("/") || "*"}`)
    .sort()
    .join(",");
  return `${request.routeOptions.url}?${JSON.stringify(request.query)}#${actor.unitId}|${grants}`;
}
