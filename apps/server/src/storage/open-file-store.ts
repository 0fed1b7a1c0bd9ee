import path from "node:path";
import type { TEnv } from "../env.ts";
import { createLocalFileStore, type TFileStore } from "./file-store.ts";

type TStoreEnv = Pick<
  TEnv,
  | "FILES_DIR"
  | "FILES_URL"
  | "S3_ENDPOINT"
  | "S3_REGION"
  | "S3_ACCESS_KEY_ID"
  | "S3_SECRET_ACCESS_KEY"
  | "S3_FORCE_PATH_STYLE"
>;

/**
 * The evidence store the configuration names: the bucket of FILES_URL (checked now, so a wrong endpoint, bucket or
 * key stops the start with a clear line rather than failing the first upload), else the folder FILES_DIR.
 */
export async function openFileStore(env: TStoreEnv): Promise<TFileStore> {
  if (!env.FILES_URL) return createLocalFileStore(env.FILES_DIR);
  // Loaded only for a bucket: the AWS SDK is a fifth of the start-up of an install that keeps files on disk.
  const { createS3FileStore } = await import("./s3-file-store.ts");
  const store = createS3FileStore({
    url: env.FILES_URL,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    // Uploads in progress stay on this instance's disk, where the local store keeps them too.
    spoolDir: path.join(env.FILES_DIR, "tmp"),
  });
  await store.checkBucket();
  return store;
}
