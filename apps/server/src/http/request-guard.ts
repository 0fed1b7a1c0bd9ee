import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface TRequestGuardOptions {
  /** Origins (scheme://host[:port]) besides the request's own host that may send changes: PUBLIC_URL, ALLOWED_ORIGINS. */
  allowedOrigins: string[];
}

/**
 * Two checks on every request that changes something (register after registerAuth):
 * - it comes from the application's own pages: the browser's Origin (or, without one, Referer) names this host or
 *   a configured origin. A page on another site can make the user's browser post a form here with the session
 *   cookie; it cannot make the browser lie about Origin. Calls without either header (scripts, curl) are not
 *   browsers acting for someone else and pass.
 * - its body has the content type the route expects: JSON for routes with a body, multipart only for uploads,
 *   nothing (or JSON) for body-less actions — so a plain HTML form (multipart, urlencoded, text/plain) reaches none.
 */
export function registerRequestGuard(app: FastifyInstance, options: TRequestGuardOptions): void {
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  app.addHook("onRequest", async (request) => {
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, allowed);
  });
  // After the session check (registered after registerAuth): an anonymous caller learns nothing about the route.
  app.addHook("preValidation", async (request) => {
    if (!SAFE_METHODS.has(request.method)) checkContentType(request);
  });
  // Text the database cannot store (NUL) or that is not Unicode (a lone surrogate) is the client's error: a 400
  // naming the field, never a 500 with the text and the SQL in the log.
  app.addHook("preValidation", async (request) => {
    const where =
      findBrokenText(request.params, "params") ??
      findBrokenText(request.query, "query") ??
      findBrokenText(request.body, "");
    if (where !== null) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Dữ liệu chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng)${where ? ` ở trường ${where}` : ""}.`,
      );
    }
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isBroken = (text: string) => text.includes("\0") || LONE_SURROGATE.test(text);

/** The path of the first string (or key) with a NUL or a lone surrogate, or null when all text is sound. */
export function findBrokenText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return isBroken(value) ? path : null;
  if (value === null || typeof value !== "object" || depth > 64) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isBroken(key)) return at;
    const found = findBrokenText(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function checkOrigin(request: FastifyRequest, allowed: Set<string>) {
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  const claimed = origin ?? (referer ? originOf(referer) : undefined);
  if (claimed === undefined) return;
  if (claimed !== null && (allowed.has(claimed) || sameHost(claimed, request.host))) return;
  throw new AppError("FORBIDDEN", "Yêu cầu bị từ chối: chỉ chấp nhận thao tác gửi từ chính trang của hệ thống.");
}

function checkContentType(request: FastifyRequest) {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const hasBody =
    Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"] !== undefined;
  if (!type && !hasBody) return;
  const schema = request.routeOptions.schema as { consumes?: string[]; body?: unknown } | undefined;
  const expected = schema?.consumes ?? ["application/json"];
  if (expected.includes(type)) return;
  if (!type && !schema?.body) return;
  throw new AppError(
    "UNSUPPORTED_CONTENT_TYPE",
    `Kiểu nội dung "${type || "không rõ"}" không được chấp nhận ở đây (chỉ nhận ${expected.join(", ")}).`,
  );
}

/** "null" (sandboxed frames, privacy redirects) or garbage gives null: refused, never trusted. */
function originOf(url: string): string | null {
  if (url === "null") return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origin names the host the request was sent to (default ports compared as the browser writes them). */
function sameHost(origin: string, requestHost: string): boolean {
  try {
    const claimed = new URL(origin);
    return claimed.host === new URL(`${claimed.protocol}//${requestHost}`).host;
  } catch {
    return false;
  }
}
