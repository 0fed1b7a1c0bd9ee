import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROVINCE_PATH, ZFrameworkCode } from "@chiso/core";
import { openDatabase, type TDb } from "./db/client.ts";
import { loadEnv } from "./env.ts";
import { runScheduledReminders } from "./jobs/scheduler.ts";
import { insertAccount, listAccounts, usernameTaken } from "./modules/accounts/repo.ts";
import { recordAudit } from "./modules/audit/repo.ts";
import { generatePassword, hashPassword } from "./modules/auth/passwords.ts";
import { deleteAccountThrottles } from "./modules/auth/repo.ts";
import { loginName } from "./modules/auth/service.ts";
import { createBackup } from "./modules/backup/backup.ts";
import { restoreBackup } from "./modules/backup/restore.ts";
import { SWEEP_GRACE_HOURS, sweepOrphans } from "./modules/evidence/sweep.ts";
import { exportPeriod, type TExportFormat } from "./modules/exports/service.ts";
import { installBuiltinFrameworks } from "./modules/frameworks/builtin.ts";
import { commitImport, previewImport } from "./modules/frameworks/transfer-service.ts";
import { mailerFromEnv } from "./modules/notifications/mailer.ts";
import { importPlanAsRead } from "./modules/plans/import-service.ts";
import { findUnitByName, insertUnit } from "./modules/units/repo.ts";
import { openFileStore } from "./storage/open-file-store.ts";

const USAGE = `Chỉ số — công cụ dòng lệnh cho người vận hành

  npm run cli -- create-coordinator --username <tên> --name "<họ tên>" [--unit "Sở Khoa học và Công nghệ"]
      Tạo tài khoản quản trị đầu tiên (mật khẩu ban đầu in ra một lần, phải đổi khi đăng nhập).

  npm run cli -- run-scheduler
      Chạy một lần việc nhắc hạn và gửi thư thông báo; không bao giờ nhắc trùng. Với PostgreSQL (DATABASE_URL)
      chạy được khi máy chủ đang chạy; với cơ sở dữ liệu nhúng (PGlite) hãy dừng máy chủ trước.

  npm run cli -- export-period --period <mã kỳ> --format xlsx|docx|zip --out <tệp> [--unit <mã đơn vị>]
      Xuất báo cáo của kỳ: Excel (toàn tỉnh hoặc một đơn vị), Word (báo cáo kết quả), gói tài liệu kiểm chứng.

  npm run cli -- import-framework --file <bộ chỉ số.xlsx|json> --code <mã mới> [--as <tên đăng nhập>]
      Nhập bộ chỉ số thành bản nháp; đơn vị không khớp tên được để trống phân công và liệt kê ra.

  npm run cli -- import-plan --file <kế hoạch.docx|xlsx> [--code <số hiệu>] [--title "<tên>"] [--as <tên đăng nhập>]
      Nhập kế hoạch và bảng nhiệm vụ (bảng lớn nhất của tệp); số hiệu, tên, cơ quan ban hành đọc từ tệp.

  npm run cli -- backup --out <thư mục trống>
      Sao lưu toàn bộ dữ liệu (mỗi bảng một tệp JSON lines) và tài liệu kiểm chứng, kèm manifest có mã SHA-256.

  npm run cli -- restore --from <thư mục sao lưu>
      Khôi phục vào cơ sở dữ liệu TRỐNG và FILES_DIR trống; kiểm tra mã băm từng tệp, lỗi thì không đổi gì.
      Với PGlite hãy dừng máy chủ trước khi sao lưu hoặc khôi phục.

  npm run cli -- unlock-login --username <tên>
      Mở chặn đăng nhập của một tài khoản (sau nhiều lần nhập sai mật khẩu), kể cả khi chính quản trị bị chặn.

  npm run cli -- sweep-files [--grace-hours 24]
      Xóa tệp tải lên dở dang (.part) và tệp trong kho không còn văn bản nào trỏ tới, cũ hơn thời gian chờ;
      in ra từng tệp đã xóa. Máy chủ cũng tự làm việc này mỗi lần khởi động.
`;

async function createCoordinator(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { username: { type: "string" }, name: { type: "string" }, unit: { type: "string" } },
  });
  const username = values.username?.trim().toLowerCase();
  if (!username || !/^[a-z0-9._-]{3,50}$/.test(username) || !values.name) {
    console.error(USAGE);
    return 2;
  }
  const unitName = values.unit ?? "Sở Khoa học và Công nghệ";
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await installBuiltinFrameworks(database.db);
    const initialPassword = generatePassword();
    const passwordHash = await hashPassword(initialPassword);
    await database.db.transaction(async (tx) => {
      if (await usernameTaken(tx, username)) throw new Error(`Tên đăng nhập "${username}" đã được dùng.`);
      const unitId =
        (await findUnitByName(tx, unitName))?.id ??
        (await insertUnit(tx, { name: unitName, shortName: "Sở KH&CN", kind: "department" }));
      const id = await insertAccount(
        tx,
        { username, fullName: values.name!, unitId, passwordHash, mustChangePassword: true },
        [{ role: "coordinator", scopeUnitId: null }],
      );
      await recordAudit(tx, {
        actorId: null,
        action: "account.create",
        entityType: "user",
        entityId: id,
        after: { username, cli: true },
      });
    });
    console.log(`Đã tạo tài khoản quản trị "${username}". Mật khẩu ban đầu: ${initialPassword}`);
    return 0;
  } finally {
    await database.close();
  }
}

/** One reminder run for operators (cron with SCHEDULER_MINUTES=0, or to catch up by hand): never sends twice. */
async function runScheduler(_args: string[]) {
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const mailer = mailerFromEnv(env);
  const logger = {
    info: (obj: object, msg?: string) => console.log(msg ?? "", obj),
    warn: (obj: object, msg?: string) => console.warn(msg ?? "", obj),
    error: (obj: object, msg?: string) => console.error(msg ?? "", obj),
  };
  try {
    const run = await runScheduledReminders({ db: database.db, clock: () => new Date(), mailer, logger });
    if (!run.ran) console.log("Một máy chủ khác đang chạy việc nhắc hạn; lần này không gửi gì.");
    console.log(
      `Đã tạo ${run.notices} thông báo nhắc hạn; thư điện tử: ${mailer ? `${run.emailsSent} đã gửi, ${run.emailsFailed} lỗi` : "chưa cấu hình SMTP_URL"}.`,
    );
    return run.emailsFailed ? 1 : 0;
  } finally {
    mailer?.close();
    await database.close();
  }
}

/**
 * A path given on the command line, from the folder the operator ran `npm run cli` in (npm's INIT_CWD): the
 * command itself runs in apps/server.
 */
function operatorPath(given: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
}

/** A period's export written to a file: the same files the web downloads, without a session (operator's access). */
async function exportPeriodCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      unit: { type: "string" },
    },
  });
  const format = values.format as TExportFormat | undefined;
  if (!values.period || !values.out || !format || !["xlsx", "docx", "zip"].includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const deps = { db: database.db, files: await openFileStore(env), clock: () => new Date() };
    const file = await exportPeriod(deps, { periodId: values.period, unitId: values.unit, format });
    // Written beside the target and renamed at the end: an interrupted export never leaves a half file.
    const out = operatorPath(values.out);
    const partial = `${out}.part`;
    try {
      await file.write(fs.createWriteStream(partial));
      await fsp.rename(partial, out);
    } finally {
      await fsp.rm(partial, { force: true });
    }
    const { size } = await fsp.stat(out);
    console.log(`Đã xuất ${out} (${Math.max(1, Math.round(size / 1024))} KB).`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Imports a framework file as a draft under a new code; unit names that match nothing are left unassigned. */
async function importFrameworkCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { file: { type: "string" }, code: { type: "string" }, as: { type: "string" } },
  });
  if (!values.file || !values.code || !/\.(xlsx|json)$/i.test(values.file)) {
    console.error(USAGE);
    return 2;
  }
  const code = ZFrameworkCode.safeParse(values.code);
  if (!code.success) throw new Error(`Mã mới không hợp lệ: ${code.error.issues.map((i) => i.message).join("; ")}.`);
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const db = database.db;
    const actor = await operatorActor(db, values.as);
    const ctx = { db, clock: () => new Date(), actor: { ...actor, sessionId: "cli" }, ip: null };
    const preview = await previewImport(ctx, path.basename(values.file), await fsp.readFile(operatorPath(values.file)));
    const fileCode = preview.transfer?.framework.code;
    // The file's own code may already be taken (a re-import of an export): the new code replaces it.
    const issues = preview.issues.filter(
      (i) => !(i.row === null && fileCode !== undefined && i.message.startsWith(`Đã có bộ chỉ số mã "${fileCode}"`)),
    );
    if (!preview.transfer || issues.length) {
      console.error(`Tệp có ${issues.length} lỗi; chưa nhập:`);
      for (const issue of issues) console.error(`  - ${issue.message}`);
      return 1;
    }
    const transfer = { ...preview.transfer, framework: { ...preview.transfer.framework, code: code.data } };
    const detail = await commitImport(
      { db, clock: () => new Date(), actor, ip: null },
      { transfer, unitResolutions: Object.fromEntries(preview.unmatched.map((name) => [name, null])) },
    );
    console.log(
      `Đã nhập bộ chỉ số "${detail.name}" (mã ${detail.code}, ${detail.indicators.length} chỉ số) ở dạng bản nháp.`,
    );
    if (preview.unmatched.length) {
      console.log(`Đơn vị không khớp tên, để trống phân công (${preview.unmatched.length}):`);
      for (const name of preview.unmatched) console.log(`  - ${name}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Who an import is recorded against in the audit log: the coordinator named with --as, else the first active one.
 */
async function operatorActor(db: TDb, username: string | undefined) {
  const coordinators = (await listAccounts(db, [PROVINCE_PATH])).filter(
    (a) => a.grants.some((g) => g.role === "coordinator" && g.scopeUnitId === null) && !a.isDisabled,
  );
  const account = username ? coordinators.find((a) => a.username === username) : coordinators[0];
  if (!account) {
    throw new Error(
      username
        ? `Không có tài khoản quản trị "${username}".`
        : "Chưa có tài khoản quản trị: tạo bằng lệnh create-coordinator trước (việc nhập được ghi nhật ký theo tài khoản).",
    );
  }
  return { ...account, sessionId: "cli" };
}

/** Imports a plan (Word or Excel) with its task table, as the web's import does with its suggestions accepted. */
async function importPlanCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { file: { type: "string" }, code: { type: "string" }, title: { type: "string" }, as: { type: "string" } },
  });
  if (!values.file || !/\.(docx|xlsx)$/i.test(values.file)) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const ctx = {
      db: database.db,
      clock: () => new Date(),
      actor: await operatorActor(database.db, values.as),
      ip: null,
    };
    const result = await importPlanAsRead(
      ctx,
      path.basename(values.file),
      await fsp.readFile(operatorPath(values.file)),
      {
        code: values.code,
        title: values.title,
      },
    );
    if ("problems" in result) {
      console.error("Chưa nhập được kế hoạch:");
      for (const problem of result.problems) console.error(`  - ${problem} (dùng --code, --title để chỉ ra)`);
      return 1;
    }
    const { detail, preview } = result;
    console.log(
      `Đã nhập kế hoạch ${detail.code} "${detail.title}": ${preview.counts.tasks} nhiệm vụ, ${preview.counts.sections} mục.`,
    );
    const unmatched = preview.units.filter((u) => u.match === null).map((u) => u.name);
    if (unmatched.length) {
      console.log(`Đơn vị không khớp tên, giữ nguyên dạng chữ trong nhiệm vụ (${unmatched.length}):`);
      for (const name of unmatched) console.log(`  - ${name}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function backupCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  if (!values.out) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const manifest = await createBackup({
      db: database.db,
      engine: database.engine,
      files: await openFileStore(env),
      outDir: operatorPath(values.out),
      clock: () => new Date(),
    });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    console.log(
      `Đã sao lưu vào ${operatorPath(values.out)}: ${manifest.tables.length} bảng, ${rows} dòng, ${manifest.files.length} tệp (${Math.round(bytes / 1024)} KB).`,
    );
    if (manifest.missingFiles.length) {
      console.warn(
        `Cảnh báo: ${manifest.missingFiles.length} tệp không có trong kho lưu trữ (ghi trong manifest.json).`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function restoreCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { from: { type: "string" } } });
  if (!values.from) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  if (env.FILES_URL) {
    // The restore checks and places files atomically in a folder; a bucket has no such rename.
    console.error(
      `Chưa hỗ trợ khôi phục thẳng vào kho đối tượng (FILES_URL=${env.FILES_URL}). Khôi phục vào một FILES_DIR trống khi chưa đặt FILES_URL, rồi chép thư mục objects/ lên bucket (xem docs/operations.md).`,
    );
    return 2;
  }
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await fsp.mkdir(env.FILES_DIR, { recursive: true });
    const manifest = await restoreBackup({
      db: database.db,
      filesDir: env.FILES_DIR,
      fromDir: operatorPath(values.from),
    });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Đã khôi phục bản sao lưu ngày ${manifest.createdAt}: ${rows} dòng, ${manifest.files.length} tệp; mã băm và số dòng đã khớp.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function sweepCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { "grace-hours": { type: "string" } } });
  const graceHours = values["grace-hours"] === undefined ? SWEEP_GRACE_HOURS : Number(values["grace-hours"]);
  if (!Number.isFinite(graceHours) || graceHours < 0) {
    console.error("--grace-hours phải là một số giờ không âm.");
    return 2;
  }
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const result = await sweepOrphans(database.db, await openFileStore(env), {
      now: new Date(),
      graceHours,
    });
    for (const name of result.tempFiles) console.log(`Đã xóa tệp tải lên dở dang: tmp/${name}`);
    for (const sha256 of result.objects) console.log(`Đã xóa tệp không còn văn bản nào dùng: ${sha256}`);
    console.log(
      `Xong: ${result.tempFiles.length} tệp tải dở, ${result.objects.length} tệp mồ côi, ${result.loginCounters} bộ đếm đăng nhập cũ (cũ hơn ${graceHours} giờ).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function unlockLoginCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { username: { type: "string" } } });
  if (!values.username) {
    console.error(USAGE);
    return 2;
  }
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const username = loginName(values.username);
    const lifted = await database.db.transaction(async (tx) => {
      const count = await deleteAccountThrottles(tx, username, new Date());
      await recordAudit(tx, {
        actorId: null,
        action: "account.unlock_login",
        entityType: "user",
        entityId: null,
        after: { username, blocksLifted: count, by: "cli" },
      });
      return count;
    });
    console.log(`Đã mở chặn đăng nhập cho "${username}" (${lifted} lượt chặn đang có hiệu lực).`);
    return 0;
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = {
  "create-coordinator": createCoordinator,
  "run-scheduler": runScheduler,
  "export-period": exportPeriodCommand,
  "import-framework": importFrameworkCommand,
  "import-plan": importPlanCommand,
  backup: backupCommand,
  restore: restoreCommand,
  "sweep-files": sweepCommand,
  "unlock-login": unlockLoginCommand,
};
const handler = command ? commands[command] : undefined;
if (!handler) {
  console.log(USAGE);
  process.exit(command ? 2 : 0);
}
try {
  process.exit(await handler(rest));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
