import type { FastifyInstance } from "fastify";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A change that leaves the kept save contexts valid (the draft save itself, which keeps its own). */
    keepsSaveContexts?: boolean;
  }
}

/**
 * What a draft save read about its report (period, indicator rule, lead, paths, evidence count), kept after the
 * save under the report's new version for a few seconds (CACHE_SECONDS): a reporter's autosaves then write in one
 * round trip instead of two. On a deadline day that second round trip was most of what a save cost the server.
 *
 * Safe because:
 * - an entry is used only for the version the save names, and the save's statement re-checks that version, that
 *   the report is still editable and that its evidence count is the one kept (a miss falls back to reading afresh);
 * - any other successful change through this instance (a period closed, an extension, a framework or unit edited,
 *   a workflow step) clears every entry;
 * - a change made through another instance is seen here at most CACHE_SECONDS later, as with sessions.
 */
export interface TSaveContexts {
  get<T>(reportId: string, version: number): T | null;
  keep(reportId: string, version: number, context: unknown): void;
  forget(reportId: string): void;
}

const MAX_ENTRIES = 20_000;

export function registerSaveContexts(app: FastifyInstance, ttlMs: number): TSaveContexts {
  const kept = new Map<string, { version: number; context: unknown; keptUntil: number }>();
  app.addHook("onResponse", async (request, reply) => {
    if (request.method === "GET" || request.method === "HEAD" || reply.statusCode >= 400) return;
    if (!request.routeOptions.config?.keepsSaveContexts) kept.clear();
  });
  return {
    get<T>(reportId: string, version: number): T | null {
      const entry = kept.get(reportId);
      if (!entry || entry.version !== version || entry.keptUntil < performance.now()) return null;
      return entry.context as T;
    },
    keep(reportId, version, context) {
      if (ttlMs <= 0) return;
      if (kept.size >= MAX_ENTRIES) kept.clear();
      kept.set(reportId, { version, context, keptUntil: performance.now() + ttlMs });
    },
    forget(reportId) {
      kept.delete(reportId);
    },
  };
}
