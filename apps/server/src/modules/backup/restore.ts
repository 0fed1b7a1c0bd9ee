import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { getTableColumns } from "drizzle-orm";
import type { TDb, TDbOrTx } from "../../db/client.ts";
import { createLocalFileStore } from "../../storage/file-store.ts";
import { BackupError, FILES_FOLDER, MANIFEST_FILE, type TBackupManifest, ZBackupManifest } from "./manifest.ts";
import * as repo from "./repo.ts";
import { backupTables, type TBackupTable } from "./tables.ts";

/*
 * Restores a backup into an EMPTY database and an empty files folder, all or nothing:
 *   1. the manifest is read and the backup checked against it (every table file's sha256 and row count);
 *   2. the target is checked: same schema version, no row in any table, no evidence object;
 *   3. every evidence object is copied into a temporary folder beside FILES_DIR and hashed on the way — one
 *      altered byte and the restore stops before the database is touched;
 *   4. one transaction inserts every row, resets the id sequences, compares each table's count with the
 *      manifest, and — as its last step — renames the temporary folder into place (same file system: atomic).
 * Any failure rolls the transaction back and removes the temporary folder: the target stays empty.
 */

const MAX_PARAMETERS = 30_000; // PostgreSQL allows 65 535 per statement; a margin for wide tables.

export interface TRestoreInput {
  /** The target database (already migrated by openDatabase, and empty). */
  db: TDb;
  /** FILES_DIR of the target installation. */
  filesDir: string;
  fromDir: string;
}

export async function restoreBackup(input: TRestoreInput): Promise<TBackupManifest> {
  const fromDir = path.resolve(input.fromDir);
  const filesDir = path.resolve(input.filesDir);
  const manifest = await readManifest(fromDir);
  const tables = tablesOf(manifest);
  await checkTableFiles(fromDir, manifest);
  await checkTargetEmpty(input.db, manifest, filesDir);

  const staging = path.join(filesDir, `.restore-${randomUUID()}`);
  let placed = false;
  try {
    await stageObjects(fromDir, manifest, staging);
    await input.db.transaction(async (tx) => {
      // The backup holds each report's evidence count as it was; the trigger that keeps it must not add the
      // restored citations to it again.
      await repo.setEvidenceCountTrigger(tx, false);
      for (const { entry, table } of tables) await loadTable(tx, table, path.join(fromDir, entry.file));
      await repo.setEvidenceCountTrigger(tx, true);
      for (const { entry, table } of tables) {
        const rows = await repo.countRows(tx, table);
        if (rows !== entry.rows) {
          throw new BackupError(`Bảng ${entry.name}: đã nạp ${rows} dòng, bản sao lưu ghi ${entry.rows} dòng.`);
        }
      }
      if (manifest.files.length) {
        // Checked empty above; an empty "objects" folder left by an earlier start would block the rename.
        await fsp.rmdir(path.join(filesDir, "objects")).catch(() => undefined);
        await fsp.rename(path.join(staging, "objects"), path.join(filesDir, "objects"));
        placed = true;
      }
    });
  } catch (err) {
    // The transaction rolled back; objects moved into place just before a failed commit go too.
    if (placed) await fsp.rm(path.join(filesDir, "objects"), { recursive: true, force: true });
    throw err;
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
  return manifest;
}

async function readManifest(fromDir: string): Promise<TBackupManifest> {
  const text = await fsp.readFile(path.join(fromDir, MANIFEST_FILE), "utf8").catch(() => null);
  if (text === null) {
    throw new BackupError(
      `Không tìm thấy ${MANIFEST_FILE} trong ${fromDir}: đây không phải thư mục sao lưu, hoặc lần sao lưu đó chưa hoàn tất.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${MANIFEST_FILE} bị hỏng (không phải JSON hợp lệ).`);
  }
  const parsed = ZBackupManifest.safeParse(json);
  if (!parsed.success) throw new BackupError(`${MANIFEST_FILE} không đúng định dạng bản sao lưu của Chỉ số.`);
  return parsed.data;
}

/** The manifest's tables matched to the app's schema, in the manifest's (dependency) order. */
function tablesOf(manifest: TBackupManifest) {
  const known = new Map(backupTables().map((t) => [t.name, t]));
  const unknown = manifest.tables.filter((entry) => !known.has(entry.name)).map((entry) => entry.name);
  if (unknown.length) {
    throw new BackupError(
      `Bản sao lưu có bảng mà phiên bản này không biết (${unknown.join(", ")}): hãy khôi phục bằng đúng phiên bản Chỉ số đã tạo bản sao lưu.`,
    );
  }
  return manifest.tables.map((entry) => ({ entry, table: known.get(entry.name)! }));
}

async function checkTableFiles(fromDir: string, manifest: TBackupManifest) {
  const problems: string[] = [];
  for (const entry of manifest.tables) {
    const file = path.join(fromDir, entry.file);
    if (path.relative(fromDir, file).startsWith("..")) {
      problems.push(`${entry.file}: đường dẫn nằm ngoài thư mục sao lưu`);
      continue;
    }
    const found = await hashLines(file).catch(() => null);
    if (!found) problems.push(`${entry.file}: không có tệp`);
    else if (found.sha256 !== entry.sha256) problems.push(`${entry.file}: mã băm SHA-256 không khớp (tệp đã bị sửa)`);
    else if (found.lines !== entry.rows)
      problems.push(`${entry.file}: có ${found.lines} dòng, manifest ghi ${entry.rows}`);
  }
  if (problems.length)
    throw new BackupError(`Bản sao lưu không toàn vẹn, chưa khôi phục gì:\n- ${problems.join("\n- ")}`);
}

async function hashLines(file: string) {
  const hash = createHash("sha256");
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
  }
  return { sha256: hash.digest("hex"), lines };
}

async function checkTargetEmpty(db: TDb, manifest: TBackupManifest, filesDir: string) {
  const target = await repo.migrationState(db);
  if (target.count !== manifest.migrations.count || target.latest !== manifest.migrations.latest) {
    throw new BackupError(
      `Bản sao lưu thuộc phiên bản cơ sở dữ liệu khác (${manifest.migrations.count} lần cập nhật lược đồ, cơ sở dữ liệu đích có ${target.count}). Hãy khôi phục bằng đúng phiên bản Chỉ số đã tạo bản sao lưu, rồi mới nâng cấp.`,
    );
  }
  const filled: string[] = [];
  for (const table of backupTables()) {
    const rows = await repo.countRows(db, table);
    if (rows > 0) filled.push(`${table.name}: ${rows} dòng`);
  }
  if (filled.length) {
    throw new BackupError(
      `Cơ sở dữ liệu đích đã có dữ liệu (${filled.join(", ")}). Chỉ khôi phục vào cơ sở dữ liệu trống: tạo cơ sở dữ liệu PostgreSQL mới (hoặc DATA_DIR mới với PGlite) và chạy lệnh khôi phục trước khi khởi động máy chủ.`,
    );
  }
  const objects = await fsp.readdir(path.join(filesDir, "objects")).catch(() => []);
  if (objects.length) {
    throw new BackupError(
      `Thư mục tệp đích ${filesDir} đã có tài liệu kiểm chứng. Chỉ khôi phục vào thư mục trống (đặt FILES_DIR mới).`,
    );
  }
}

/** Copies every object into the staging folder through the file store, which hashes what it writes. */
async function stageObjects(fromDir: string, manifest: TBackupManifest, staging: string) {
  const source = createLocalFileStore(path.join(fromDir, FILES_FOLDER));
  const target = createLocalFileStore(staging);
  for (const file of manifest.files) {
    if (!(await source.exists(file.sha256))) {
      throw new BackupError(`Bản sao lưu thiếu tệp ${file.sha256}, chưa khôi phục gì.`);
    }
    const stored = await target.put(source.open(file.sha256), { maxBytes: Number.MAX_SAFE_INTEGER });
    if (stored.sha256 !== file.sha256 || stored.size !== file.size) {
      throw new BackupError(
        `Tệp ${file.sha256} trong bản sao lưu đã bị thay đổi (mã băm SHA-256 hiện là ${stored.sha256}), chưa khôi phục gì.`,
      );
    }
  }
}

/** Streams a table file into the database in batches that stay under PostgreSQL's parameter limit. */
async function loadTable(db: TDbOrTx, table: TBackupTable, file: string) {
  const width = Math.max(1, Object.keys(getTableColumns(table.table)).length);
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  let batch: Record<string, unknown>[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length >= batchSize) {
      await repo.insertRows(db, table, batch);
      batch = [];
    }
  }
  await repo.insertRows(db, table, batch);
  await repo.resetSequences(db, table);
}
