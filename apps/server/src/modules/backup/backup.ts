import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { TDb } from "../../db/client.ts";
import type { TClock } from "../../http/context.ts";
import { createLocalFileStore, type TFileStore } from "../../storage/file-store.ts";
import {
  BACKUP_FORMAT,
  BackupError,
  FILES_FOLDER,
  MANIFEST_FILE,
  TABLES_DIR,
  type TBackupManifest,
} from "./manifest.ts";
import * as repo from "./repo.ts";
import { backupTables, parentsFirst, type TBackupTable } from "./tables.ts";

/*
 * A portable backup: every table as JSON lines (one row per line, in dependency order), a copy of every
 * evidence object the documents refer to, and a manifest with row counts and sha256 of everything. Written
 * through the app's own Drizzle schema, so it is the same on PGlite and PostgreSQL and needs no pg_dump.
 * The rows come from one read-only, repeatable-read transaction: a consistent snapshot even while the server
 * runs. Objects are copied after it; one deleted in between is listed as missing rather than failing the backup.
 */

const PAGE = 1000;

export interface TBackupInput {
  db: TDb;
  engine: "pglite" | "postgres";
  files: TFileStore;
  outDir: string;
  clock: TClock;
}

export async function createBackup(input: TBackupInput): Promise<TBackupManifest> {
  const outDir = path.resolve(input.outDir);
  await ensureEmptyDir(outDir);
  await fsp.mkdir(path.join(outDir, TABLES_DIR), { recursive: true });

  const { tables, objects, migrations } = await input.db.transaction(
    async (tx) => {
      const written: TBackupManifest["tables"] = [];
      for (const t of backupTables()) written.push(await dumpTable(tx, t, outDir));
      return {
        tables: written,
        objects: await repo.listDocumentObjects(tx),
        migrations: await repo.migrationState(tx),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );

  const copy = createLocalFileStore(path.join(outDir, FILES_FOLDER));
  const files: TBackupManifest["files"] = [];
  const missingFiles: string[] = [];
  for (const object of objects) {
    if (!(await input.files.exists(object.sha256))) {
      missingFiles.push(object.sha256);
      continue;
    }
    // The copy is hashed as it is written: an object whose bytes no longer match its name is caught here.
    const stored = await copy.put(input.files.open(object.sha256), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (stored.sha256 !== object.sha256) {
      throw new BackupError(
        `Tệp ${object.sha256} trong kho lưu trữ đã bị hỏng (mã băm hiện là ${stored.sha256}). Sao lưu dừng lại.`,
      );
    }
    files.push({ sha256: stored.sha256, size: stored.size });
  }
  await fsp.rm(path.join(outDir, FILES_FOLDER, "tmp"), { recursive: true, force: true });

  const manifest: TBackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: input.clock().toISOString(),
    engine: input.engine,
    migrations,
    tables,
    files,
    missingFiles,
  };
  // Last, and atomically: a folder with a manifest is a complete backup.
  const temp = path.join(outDir, `${MANIFEST_FILE}.part`);
  await fsp.writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await fsp.rename(temp, path.join(outDir, MANIFEST_FILE));
  return manifest;
}

async function ensureEmptyDir(dir: string) {
  const entries = await fsp.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  if (entries.length) {
    throw new BackupError(`Thư mục ${dir} đã có dữ liệu. Hãy chọn một thư mục mới hoặc thư mục trống để sao lưu.`);
  }
  await fsp.mkdir(dir, { recursive: true });
}

/** Writes one table's rows as JSON lines while hashing them; self-referencing tables parents first. */
async function dumpTable(db: Parameters<typeof repo.readRows>[0], t: TBackupTable, outDir: string) {
  const file = path.join(TABLES_DIR, `${t.name}.jsonl`);
  const out = fs.createWriteStream(path.join(outDir, file));
  const hash = createHash("sha256");
  let bytes = 0;
  let rows = 0;
  const write = async (row: Record<string, unknown>) => {
    const line = Buffer.from(`${JSON.stringify(row)}\n`);
    hash.update(line);
    bytes += line.length;
    rows++;
    if (!out.write(line)) await once(out, "drain");
  };
  try {
    if (t.selfReferences.length) {
      // Parents must be inserted before their children; these tables (units, indicators, plans, tasks) are
      // small enough to order in memory.
      const all: Record<string, unknown>[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await repo.readRows(db, t, offset, PAGE);
        all.push(...page);
        if (page.length < PAGE) break;
      }
      for (const row of parentsFirst(all, t.selfReferences)) await write(row);
    } else {
      for (let offset = 0; ; offset += PAGE) {
        const page = await repo.readRows(db, t, offset, PAGE);
        for (const row of page) await write(row);
        if (page.length < PAGE) break;
      }
    }
  } finally {
    out.end();
    await finished(out);
  }
  return { name: t.name, file, rows, bytes, sha256: hash.digest("hex") };
}
