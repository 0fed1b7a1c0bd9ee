import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { PassThrough, pipeline, type Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { emptyFile, removePartFiles, S3_URL, type TFileStore, writeHashed } from "./file-store.ts";

export interface TS3StoreOptions {
  /** `s3://bucket[/prefix]`. */
  url: string;
  /** The store's address (MinIO, a provider's S3 endpoint); absent for AWS itself. */
  endpoint?: string;
  region: string;
  /** Absent: the SDK's own chain (AWS_* variables, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket.host` addresses need DNS per bucket; MinIO and most on-premises stores want `host/bucket`. */
  forcePathStyle: boolean;
  /** A local folder of this instance where uploads are spooled while they are hashed and measured. */
  spoolDir: string;
}

export interface TS3FileStore extends TFileStore {
  /** Fails with a readable message when the bucket cannot be reached with these settings (checked at start). */
  checkBucket(): Promise<void>;
}

/**
 * Evidence objects in an S3-compatible bucket at `<prefix>objects/ab/cdef…` (the local store's layout), so every
 * instance serves every file. An upload is first spooled to a local `.part` file while it is hashed and measured —
 * the size limit is enforced before anything reaches the bucket and the key (its sha256) is known — then sent with
 * one PUT, which S3 makes visible atomically: a reader never sees half an object. The same content uploaded twice
 * is stored once (under one key). Checksums are computed only when an operation requires them, because several
 * S3-compatible stores refuse the SDK's newer default checksum trailers; the object's own SHA-256 is still sent
 * for the store to verify.
 */
export function createS3FileStore(options: TS3StoreOptions): TS3FileStore {
  const match = S3_URL.exec(options.url);
  if (!match) throw new Error(`invalid object store URL: ${options.url}`);
  const bucket = match[1]!;
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  const objectsPrefix = `${prefix ? `${prefix}/` : ""}objects/`;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const keyOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return `${objectsPrefix}${sha256.slice(0, 2)}/${sha256.slice(2)}`;
  };
  const exists = async (sha256: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  };

  return {
    async put(source, { maxBytes }) {
      await fsp.mkdir(options.spoolDir, { recursive: true });
      const tempPath = path.join(options.spoolDir, `${randomUUID()}.part`);
      try {
        const written = await writeHashed(source, tempPath, maxBytes);
        if (written.size === 0) throw emptyFile();
        // Stored again when it already exists: the identical bytes replace themselves atomically and the object is
        // dated afresh for the orphan sweep's grace period, as the disk store does. (A copy onto itself would save the
        // upload, but not every S3-compatible store dates the copy anew.)
        const existed = await exists(written.sha256);
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: keyOf(written.sha256),
            Body: fs.createReadStream(tempPath),
            ContentLength: written.size,
            ContentType: "application/octet-stream",
            ChecksumSHA256: Buffer.from(written.sha256, "hex").toString("base64"),
          }),
        );
        return { ...written, created: !existed };
      } finally {
        await fsp.rm(tempPath, { force: true });
      }
    },
    open(sha256) {
      const key = keyOf(sha256);
      // The interface hands out a stream at once (as a file read stream does); the request fills it when it answers.
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then(
        (response) => pipeline(response.Body as Readable, out, () => undefined),
        (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
      );
      return out;
    },
    exists,
    async remove(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    },
    async *listObjects() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: objectsPrefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const sha256 = (object.Key ?? "").slice(objectsPrefix.length).replace("/", "");
          if (/^[0-9a-f]{64}$/.test(sha256) && object.LastModified) yield { sha256, modifiedAt: object.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    removeTempFiles: (before) => removePartFiles(options.spoolDir, before),
    async checkBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (err) {
        const reason = err instanceof S3ServiceException ? `${err.name} (HTTP ${err.$metadata.httpStatusCode})` : err;
        throw new Error(
          `object store ${options.url} at ${options.endpoint ?? "AWS"} cannot be used: ${String(reason)}`,
        );
      }
    },
  };
}

function isNotFound(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === "NotFound" || err.$metadata.httpStatusCode === 404);
}
