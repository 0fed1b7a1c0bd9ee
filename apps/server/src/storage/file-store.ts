import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { formatNumberVi } from "@chiso/core";
import { AppError } from "../http/errors.ts";

/** Bytes kept from the start of every upload: enough for `file-type` to recognise the format. */
export const HEAD_BYTES = 4100;

export interface TStoredObject {
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes (all of a smaller file), for sniffing the type. */
  head: Buffer;
  /** False when identical content was already stored: the upload was deduplicated. */
  created: boolean;
}

/**
 * Where evidence files live, addressed by the sha256 of their content: the same scan uploaded twice is stored once.
 * Two implementations: the local disk (below) and an S3-compatible object store (s3-file-store.ts: MinIO, Viettel or
 * VNPT object storage, AWS) that several instances share. The documents module sees only this interface.
 */
export interface TFileStore {
  /** Streams the content in while hashing it; nothing is left behind when it fails (too large, empty, read error). */
  put(
    source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
    options: { maxBytes: number },
  ): Promise<TStoredObject>;
  open(sha256: string): NodeJS.ReadableStream;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
  /** Every stored object with when it was last written (for the orphan sweep). */
  listObjects(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
  /** Removes unfinished uploads (`.part` files a crash left behind) last written before `before`; answers their names. */
  removeTempFiles(before: Date): Promise<string[]>;
}

/** "Tệp vượt quá 20 MB": the limit named in the user's units. */
export function fileTooLarge(maxBytes: number): AppError {
  const mb = formatNumberVi(maxBytes / (1024 * 1024), { maxDecimals: 2 });
  return new AppError("PAYLOAD_TOO_LARGE", `Tệp quá lớn: dung lượng tối đa cho phép là ${mb} MB.`);
}

export function emptyFile(): AppError {
  return new AppError("VALIDATION_FAILED", "Tệp rỗng (0 byte). Vui lòng chọn lại tệp có nội dung.");
}

/**
 * Objects at `root/objects/ab/cdef…`; uploads are written to `root/tmp`, fsynced, then linked into place.
 * `link` fails when the object exists, so "already stored" is decided atomically even for concurrent uploads,
 * and a reader never sees a half-written object.
 */
export function createLocalFileStore(root: string): TFileStore {
  const tmpDir = path.join(root, "tmp");
  const objectPath = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return path.join(root, "objects", sha256.slice(0, 2), sha256.slice(2));
  };

  return {
    async put(source, { maxBytes }) {
      await fsp.mkdir(tmpDir, { recursive: true });
      const tempPath = path.join(tmpDir, `${randomUUID()}.part`);
      try {
        const written = await writeHashed(source, tempPath, maxBytes);
        if (written.size === 0) throw emptyFile();
        const created = await linkIntoPlace(tempPath, objectPath(written.sha256));
        return { ...written, created };
      } finally {
        await fsp.rm(tempPath, { force: true });
      }
    },
    open: (sha256) => fs.createReadStream(objectPath(sha256)),
    async exists(sha256) {
      return fsp.access(objectPath(sha256)).then(
        () => true,
        () => false,
      );
    },
    async remove(sha256) {
      await fsp.rm(objectPath(sha256), { force: true });
    },
    async *listObjects() {
      const objectsDir = path.join(root, "objects");
      for (const prefix of await fsp.readdir(objectsDir).catch(() => [] as string[])) {
        if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
        for (const rest of await fsp.readdir(path.join(objectsDir, prefix)).catch(() => [] as string[])) {
          const sha256 = prefix + rest;
          if (!/^[0-9a-f]{64}$/.test(sha256)) continue;
          const stat = await fsp.stat(objectPath(sha256)).catch(() => null);
          if (stat?.isFile()) yield { sha256, modifiedAt: stat.mtime };
        }
      }
    },
    removeTempFiles: (before) => removePartFiles(tmpDir, before),
  };
}

/** Removes the `.part` files of `dir` last written before `before`; answers their names. */
export async function removePartFiles(dir: string, before: Date): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith(".part")) continue;
    const stat = await fsp.stat(path.join(dir, name)).catch(() => null);
    if (!stat || stat.mtime >= before) continue;
    await fsp.rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Copies the source to `target` while hashing and counting; throws as soon as it grows past `maxBytes`. */
export async function writeHashed(
  source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  target: string,
  maxBytes: number,
) {
  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let size = 0;
  const handle = await fsp.open(target, "wx");
  try {
    for await (const raw of source as AsyncIterable<Buffer | string>) {
      const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
      size += chunk.length;
      if (size > maxBytes) throw fileTooLarge(maxBytes);
      if (size - chunk.length < HEAD_BYTES) headChunks.push(chunk);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest("hex"), size, head: Buffer.concat(headChunks).subarray(0, HEAD_BYTES) };
}

/** True when the object was created, false when identical content was already there. */
async function linkIntoPlace(tempPath: string, finalPath: string): Promise<boolean> {
  await fsp.mkdir(path.dirname(finalPath), { recursive: true });
  try {
    await fsp.link(tempPath, finalPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") {
      // Stored again: fresh for the orphan sweep's grace period, like a new object.
      const now = new Date();
      await fsp.utimes(finalPath, now, now).catch(() => undefined);
      return false;
    }
    throw err;
  }
  await syncDirectory(path.dirname(finalPath));
  return true;
}

/** Makes the new directory entry durable; best effort where directories cannot be opened (Windows). */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r").catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the data itself is already synced.
  } finally {
    await handle.close();
  }
}

/** `s3://bucket` or `s3://bucket/some/prefix`: where the objects go. */
export const S3_URL = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/[^\s]*)?$/;
