import { parseArgs } from "node:util";
import { openDatabase } from "./db/client.ts";
import { loadEnv } from "./env.ts";
import { insertAccount, usernameTaken } from "./modules/accounts/repo.ts";
import { recordAudit } from "./modules/audit/repo.ts";
import { generatePassword, hashPassword } from "./modules/auth/passwords.ts";
import { installBuiltinFrameworks } from "./modules/frameworks/builtin.ts";
import { findUnitByName, insertUnit } from "./modules/units/repo.ts";

const USAGE = `Chỉ số — công cụ dòng lệnh cho người vận hành

  npm run cli -- create-coordinator --username <tên> --name "<họ tên>" [--unit "Sở Khoa học và Công nghệ"]
      Tạo tài khoản quản trị đầu tiên (mật khẩu ban đầu in ra một lần, phải đổi khi đăng nhập).
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
      const id = await insertAccount(tx, {
        username,
        fullName: values.name!,
        unitId,
        roles: ["coordinator"],
        passwordHash,
        mustChangePassword: true,
      });
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

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { "create-coordinator": createCoordinator };
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
