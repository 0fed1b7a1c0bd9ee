/** A small closed-loop load driver: each connection sends its next request when the previous one answered. */
import fs from "node:fs";
import { Client } from "undici";

export interface TLoadResult {
  requests: number;
  errors: number;
  /** Requests per second over the run. */
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Largest response body, bytes. */
  maxBytes: number;
}

export interface TExchange {
  status: number;
  body: string;
}

/** One connection's work: send one request through `send` and return what came back. */
export type TStep = (send: (request: TRequest) => Promise<TExchange>, connection: number) => Promise<TExchange>;

export interface TRequest {
  method: "GET" | "POST" | "PATCH";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs `connections` loops for `durationMs` (or until `requests` in total have been sent). */
export async function runLoad(options: {
  origin: string;
  connections: number;
  durationMs?: number;
  requests?: number;
  step: TStep;
}): Promise<TLoadResult> {
  const clients = Array.from({ length: options.connections }, () => new Client(options.origin, { pipelining: 1 }));
  const latencies: number[] = [];
  // BENCH_TRACE=<file>: each request's start (ms into the run), latency and connection, to see when slow ones happen.
  const traceFile = process.env.BENCH_TRACE;
  const trace: string[] = [];
  let errors = 0;
  let maxBytes = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = options.durationMs ? started + options.durationMs : Number.POSITIVE_INFINITY;
  const more = () => performance.now() < deadline && (options.requests === undefined || sent < options.requests);

  await Promise.all(
    clients.map(async (client, connection) => {
      const send = async (request: TRequest): Promise<TExchange> => {
        const response = await client.request({
          method: request.method,
          path: request.path,
          headers: request.headers,
          body: request.body,
        });
        const body = await response.body.text();
        return { status: response.statusCode, body };
      };
      while (more()) {
        sent++;
        const t = performance.now();
        try {
          const result = await options.step(send, connection);
          latencies.push(performance.now() - t);
          if (traceFile) trace.push(`${Math.round(t - started)} ${Math.round(performance.now() - t)} ${connection}`);
          maxBytes = Math.max(maxBytes, Buffer.byteLength(result.body));
          if (result.status >= 400) errors++;
        } catch {
          latencies.push(performance.now() - t);
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  latencies.sort((a, b) => a - b);
  if (traceFile) fs.appendFileSync(traceFile, `${trace.join("\n")}\n`);
  return {
    requests: latencies.length,
    errors,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    maxBytes,
  };
}
