import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * Headers on every response (UI, API, files, /api/docs). The CSP allows only this origin's scripts — the built UI and
 * the docs page load theirs from files — inline styles (Ant Design writes its CSS at run time), data: images (the
 * icon), and framing by the app itself only. HTTPS-only headers are sent only when the app is served over HTTPS
 * (COOKIE_SECURE), so a plain-HTTP intranet install keeps loading its own assets.
 */
export function securityHeaders(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "sameorigin" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Sets those headers on every response. They never change while the app runs (no per-request nonce), so helmet runs
 * once at start and each response only gets the resulting list: helmet's twelve middlewares per request, or
 * @fastify/helmet parsing every directive again, were a few percent of a deadline-day save.
 */
export function registerSecurityHeaders(app: FastifyInstance, https: boolean) {
  const { set, removed } = headersOf(securityHeaders(https));
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    for (const name of removed) reply.raw.removeHeader(name);
    done();
  });
}

/** What helmet's middleware does to a response, recorded. */
function headersOf(options: HelmetOptions) {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return { set, removed };
}
