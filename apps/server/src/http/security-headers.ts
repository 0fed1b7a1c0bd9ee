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
 * Sets those headers on every response with one helmet middleware built at start. (@fastify/helmet builds a new one,
 * parsing every directive again, on each request: a few percent of a deadline-day save.)
 */
export function registerSecurityHeaders(app: FastifyInstance, https: boolean) {
  const setHeaders = helmet(securityHeaders(https));
  app.addHook("onRequest", (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
