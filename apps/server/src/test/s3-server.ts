import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
// @ts-expect-error the maintained s3rver fork ships no types; the little used here is typed below.
import S3rverModule from "@20minutes/s3rver";
// @ts-expect-error as above
import signatureV4 from "@20minutes/s3rver/lib/signature/v4.js";
import { createS3FileStore, type TS3FileStore } from "../storage/s3-file-store.ts";

interface TS3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = S3rverModule as new (options: object) => TS3rver;

/**
 * s3rver signs a bucket request (list, head bucket) as `/bucket`, but SigV4 signs the path as sent and today's SDK
 * sends `/bucket/`, so every bucket request would fail as a bad signature — which AWS, MinIO and Ceph accept. Its
 * canonical path of a bucket request is corrected here; object requests, and every check of the keys, stay its own.
 */
const v4 = signatureV4 as { getStringToSign(request: { uri: string }, signature: unknown): string };
const ownStringToSign = v4.getStringToSign;
v4.getStringToSign = (request, signature) =>
  ownStringToSign(/^\/[^/]+$/.test(request.uri) ? { ...request, uri: `${request.uri}/` } : request, signature);

/** s3rver's fixed key pair: it checks every request's signature against it, as a real store does. */
export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** A real S3 protocol server in this process, on a free port, storing into a temporary folder. */
export interface TS3Server {
  endpoint: string;
  bucket: string;
  /** A store on this server's bucket (optionally under a prefix), spooling into its own temporary folder. */
  store(options?: {
    prefix?: string;
    credentials?: typeof S3_TEST_CREDENTIALS;
    bucket?: string;
  }): TS3FileStore & { spoolDir: string };
  close(): Promise<void>;
}

export async function startS3Server(bucket = "chiso-evidence"): Promise<TS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-s3rver-"));
  const spools: string[] = [];
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    store(options = {}) {
      const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), "chiso-spool-"));
      spools.push(spoolDir);
      const store = createS3FileStore({
        url: `s3://${options.bucket ?? bucket}${options.prefix ? `/${options.prefix}` : ""}`,
        endpoint,
        region: "us-east-1",
        credentials: options.credentials ?? S3_TEST_CREDENTIALS,
        forcePathStyle: true,
        spoolDir,
      });
      return Object.assign(store, { spoolDir });
    },
    async close() {
      await server.close();
      for (const dir of [directory, ...spools]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
