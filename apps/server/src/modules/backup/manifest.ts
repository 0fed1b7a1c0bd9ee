import { z } from "zod";

/**
 * manifest.json of a backup folder, written last: a folder without one is an interrupted backup. It names
 * every table file and evidence object with its row count or size and sha256, so a restore can check the
 * whole backup before it changes anything.
 */
export const BACKUP_FORMAT = "chiso-backup";
export const MANIFEST_FILE = "manifest.json";
export const TABLES_DIR = "tables";
/** Evidence objects, laid out like FILES_DIR (objects/ab/cdef…): the folder can serve as a FILES_DIR itself. */
export const FILES_FOLDER = "files";

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  engine: z.enum(["pglite", "postgres"]),
  /** The schema the rows belong to: how many migrations were applied, and the newest one's timestamp. */
  migrations: z.object({ count: z.number().int(), latest: z.string().nullable() }),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      file: z.string(),
      rows: z.number().int().min(0),
      bytes: z.number().int().min(0),
      sha256: ZSha256,
    }),
  ),
  files: z.array(z.object({ sha256: ZSha256, size: z.number().int().min(0) })),
  /** Objects the database refers to that were not in the store when the backup ran. */
  missingFiles: z.array(ZSha256),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

/** A refusal the operator should read: nothing was changed. */
export class BackupError extends Error {}
