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
      const json = await run(`${readKey(request, actor)}:json`, async () =>
        JSON.stringify(z.encode(schema, await compute())),
      );
      return reply
        .type("application/json; charset=utf-8")
        .serializer(() => json)
        .send(json);
    },
  };
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
