import type { TDb } from "../../db/client.ts";
import type { TFileStore } from "../../storage/file-store.ts";
import { deleteStaleThrottles } from "../auth/repo.ts";
import * as repo from "./repo.ts";

export const SWEEP_GRACE_HOURS = 24;

export interface TSweepResult {
  /** Unfinished uploads (`.part`) removed from the store's tmp folder. */
  tempFiles: string[];
  /** Stored objects no document pointed to, removed. */
  objects: string[];
  /** Login counters forgotten (untouched for the grace period and not blocking). */
  loginCounters: number;
}

/**
 * Removes what a crash or a kill -9 leaves behind: `.part` files of uploads that never finished, and stored objects no
 * document row points to (an upload whose row was never written). Only what is older than the grace period is
 * touched, so an upload in progress is never swept; each object is re-checked under the same per-content lock the
 * upload and the delete of a document take, so a document saved meanwhile keeps its file.
 */
export async function sweepOrphans(
  db: TDb,
  files: TFileStore,
  options: { now: Date; graceHours?: number },
): Promise<TSweepResult> {
  const before = new Date(options.now.getTime() - (options.graceHours ?? SWEEP_GRACE_HOURS) * 3600_000);
  const tempFiles = await files.removeTempFiles(before);
  const objects: string[] = [];
  for await (const object of files.listObjects()) {
    if (object.modifiedAt >= before) continue;
    const removed = await db.transaction(async (tx) => {
      await repo.lockContent(tx, object.sha256);
      if ((await repo.countDocumentsWithContent(tx, object.sha256)) > 0) return false;
      await files.remove(object.sha256);
      return true;
    });
    if (removed) objects.push(object.sha256);
  }
  const loginCounters = await deleteStaleThrottles(db, before, options.now);
  return { tempFiles, objects, loginCounters };
}
