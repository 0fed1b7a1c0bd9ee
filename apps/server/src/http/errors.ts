import { ERROR_MESSAGES, type TErrorCode } from "@chiso/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** The one error type of the server: a stable code, its HTTP status, a message the user can read. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: TErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_MESSAGES[code].vi);
    this.code = code;
    this.status = ERROR_MESSAGES[code].status;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `Không tìm thấy ${what}.`);
export const forbidden = (message?: string) => new AppError("FORBIDDEN", message);

interface TFieldIssue {
  path: string;
  message: string;
}

/** Maps every error to `{ error: { code, message, details? } }`; unexpected errors are logged, never leaked. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: TFieldIssue[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: v.message ?? "không hợp lệ",
      }));
      const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
      return reply.status(400).send({
        error: { code: "VALIDATION_FAILED", message: `Dữ liệu không hợp lệ — ${summary}`, details: issues },
      });
    }
    if (err.code === "FST_REQ_FILE_TOO_LARGE" || err.statusCode === 413) {
      return reply
        .status(413)
        .send({ error: { code: "PAYLOAD_TOO_LARGE", message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE.vi } });
    }
    if (err.statusCode === 415) {
      return reply.status(415).send({
        error: { code: "UNSUPPORTED_CONTENT_TYPE", message: ERROR_MESSAGES.UNSUPPORTED_CONTENT_TYPE.vi },
      });
    }
    if (err.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: "TOO_MANY_ATTEMPTS", message: ERROR_MESSAGES.TOO_MANY_ATTEMPTS.vi } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type …: the client's fault, described in Vietnamese.
      return reply.status(err.statusCode).send({
        error: { code: "VALIDATION_FAILED", message: `Yêu cầu không hợp lệ (${err.message}).` },
      });
    }
    request.log.error({ err: loggable(err), route: request.routeOptions.url }, "unhandled error");
    return reply.status(500).send({ error: { code: "INTERNAL", message: ERROR_MESSAGES.INTERNAL.vi } });
  });
}

/**
 * What of an unexpected error goes to the log: its kind, codes and where it was thrown — not its message, which for
 * a database error repeats the SQL and every parameter (the user's text, names, sometimes a password hash).
 */
export function loggable(err: unknown): Record<string, unknown> {
  const error = err as { name?: string; code?: unknown; stack?: string; cause?: { name?: string; code?: unknown } };
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  return {
    type: error.name ?? typeof err,
    code: error.code,
    cause: error.cause ? { type: error.cause.name, code: error.cause.code } : undefined,
    stack: frames.slice(0, 12).join("\n"),
  };
}
