import { ACCOUNT_SHEET_COLUMNS, REFUSALS, type TAccountImportPreview, type TAccountImportResult } from "@chiso/core";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, units, users } from "../../db/schema.ts";
import { DEMO_PASSWORD } from "../../seed/demo.ts";
import { startAppOn } from "../../test/app-on-database.ts";
import { multipartBody } from "../../test/multipart.ts";
import { startSmtpSink } from "../../test/smtp-sink.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/*
 * Accounts in bulk: a scope's coordinator issues units and accounts from one Excel sheet, previewed row by row,
 * saved all-or-nothing, idempotent on re-import, and only inside the scopes it coordinates.
 */

let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;

type TSheetRow = Partial<Record<(typeof ACCOUNT_SHEET_COLUMNS)[number]["key"], string>>;

/** An accounts sheet as a coordinator fills the template: a title line, the header row, then the rows. */
async function sheet(rows: TSheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Tài khoản");
  ws.addRow(["DANH SÁCH CẤP TÀI KHOẢN"]);
  ws.addRow(ACCOUNT_SHEET_COLUMNS.map((c) => c.header));
  for (const row of rows) ws.addRow(ACCOUNT_SHEET_COLUMNS.map((c) => row[c.key] ?? ""));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (who: string, url: string, content: Buffer, fields: Record<string, string> = {}, name = "ds.xlsx") => {
  const body = multipartBody({ name, content }, fields);
  return t.app.inject({
    method: "POST",
    url,
    headers: { cookie: cookies[who]!, ...body.headers },
    payload: body.payload,
  });
};
const preview = async (who: string, content: Buffer) => {
  const res = await upload(who, "/api/accounts/import/preview", content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAccountImportPreview;
};
const countOf = async (table: typeof users | typeof units) => (await t.database.db.select().from(table)).length;

beforeAll(async () => {
  t = await createTestApp();
  cookies.admin = await t.login("admin");
  const list = (await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: cookies.admin } })).json();
  unitIds = Object.fromEntries(list.map((u: { name: string; id: string }) => [u.name, u.id]));
});
afterAll(() => t.close());

/** 100 accounts: 5 new agencies with 2 new offices each, leads and reporters, and each agency's coordinator. */
function hundredRows(): TSheetRow[] {
  return Array.from({ length: 100 }, (_, i) => {
    const agency = `Ban Thử nghiệm số ${(i % 5) + 1}`;
    const office = `Phòng Nghiệp vụ ${(i % 10) + 1} ${agency}`;
    const coordinator = i < 5;
    return {
      unit: coordinator ? agency : office,
      parent: coordinator ? "" : agency,
      kind: coordinator ? "Sở, ban, ngành" : "Phòng thuộc sở",
      fullName: `Nguyễn Văn Thử ${i + 1}`,
      position: coordinator ? "Chánh Văn phòng" : "Chuyên viên",
      email: i % 2 === 0 ? `nguoi${i + 1}@thunghiem.gov.vn` : "",
      username: `tn.nguoi${i + 1}`,
      roles: coordinator ? "Quản trị" : i % 3 === 0 ? "Lãnh đạo đơn vị, Cán bộ báo cáo" : "can bo bao cao",
      scope: coordinator ? agency : "",
    };
  });
}

describe("issuing accounts from one sheet", () => {
  it("offers the template with the documented Vietnamese headers", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/accounts/import/template",
      headers: { cookie: cookies.admin! },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      "Đơn vị",
      "Đơn vị cấp trên",
      "Loại đơn vị",
      "Họ và tên",
      "Chức vụ",
      "Email",
      "Tên đăng nhập",
      "Vai trò",
      "Phạm vi",
    ]);
  });

  it("previews 100 accounts without saving, issues them in one go and changes nothing when re-imported", async () => {
    const content = await sheet(hundredRows());
    const [usersBefore, unitsBefore] = [await countOf(users), await countOf(units)];

    const shown = await preview("admin", content);
    expect(shown.counts).toEqual({ newUnits: 15, newAccounts: 100, unchanged: 0, errors: 0 });
    expect(shown.rows[0]).toMatchObject({ row: 3, unitAction: "create", action: "create", roles: ["coordinator"] });
    expect(shown.rows[10]).toMatchObject({ row: 13, roles: ["unit_reporter"], parentName: "Ban Thử nghiệm số 1" });
    expect([await countOf(users), await countOf(units)]).toEqual([usersBefore, unitsBefore]);

    const res = await upload("admin", "/api/accounts/import", content, { sendEmail: "true" });
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json() as TAccountImportResult;
    expect(result.counts).toEqual({ newUnits: 15, newAccounts: 100, unchanged: 0, errors: 0 });
    expect(result.issued).toHaveLength(100);
    // No SMTP configured: every password is on the printable list, none e-mailed.
    expect(result.issued.every((p) => !p.emailed && /^[A-Za-z2-9]{12}$/.test(p.initialPassword))).toBe(true);
    expect(new Set(result.issued.map((p) => p.initialPassword)).size).toBe(100);
    expect([await countOf(users), await countOf(units)]).toEqual([usersBefore + 100, unitsBefore + 15]);

    // Offices sit under their new agency; the agency's coordinator holds its role over the agency.
    const [office] = await t.database.db
      .select()
      .from(units)
      .where(eq(units.name, "Phòng Nghiệp vụ 6 Ban Thử nghiệm số 1"));
    const [agency] = await t.database.db.select().from(units).where(eq(units.name, "Ban Thử nghiệm số 1"));
    expect(office!.path).toEqual([agency!.id, office!.id]);
    expect(office!.kind).toBe("office");
    const coordinator = t.database.db.select().from(users).where(eq(users.username, "tn.nguoi1"));
    expect((await coordinator)[0]).toMatchObject({ position: "Chánh Văn phòng", mustChangePassword: true });
    const accounts = (
      await t.app.inject({ method: "GET", url: "/api/accounts", headers: { cookie: cookies.admin! } })
    ).json();
    const tn1 = accounts.find((a: { username: string }) => a.username === "tn.nguoi1");
    expect(tn1.grants).toEqual([expect.objectContaining({ role: "coordinator", scopeUnitId: agency!.id })]);
    const tn4 = accounts.find((a: { username: string }) => a.username === "tn.nguoi7");
    expect(tn4.roles.sort()).toEqual(["unit_lead", "unit_reporter"]);
    // Never shown again, nor stored in plain text.
    const first = result.issued[0]!;
    expect(JSON.stringify(accounts)).not.toContain(first.initialPassword);
    expect(JSON.stringify(await t.database.db.select().from(users))).not.toContain(first.initialPassword);
    // Every created unit and account is audited.
    const audit = await t.database.db.select().from(auditLog);
    expect(audit.filter((a) => a.action === "account.create")).toHaveLength(100);
    expect(audit.filter((a) => a.action === "unit.create")).toHaveLength(15);
    // The password works once, for the first sign-in.
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: first.username, password: first.initialPassword },
    });
    expect(login.statusCode).toBe(200);

    const again = await preview("admin", content);
    expect(again.counts).toEqual({ newUnits: 0, newAccounts: 0, unchanged: 100, errors: 0 });
    const reimport = await upload("admin", "/api/accounts/import", content);
    expect(reimport.statusCode, reimport.body).toBe(201);
    expect(reimport.json()).toMatchObject({ counts: { newUnits: 0, newAccounts: 0, unchanged: 100 }, issued: [] });
    expect([await countOf(users), await countOf(units)]).toEqual([usersBefore + 100, unitsBefore + 15]);
    const created = (await t.database.db.select().from(auditLog)).filter((a) => a.action.endsWith(".create"));
    expect(created.length).toBe(audit.filter((a) => a.action.endsWith(".create")).length);
  });

  it("refuses the whole sheet for one bad row, naming the row, and saves nothing", async () => {
    const [usersBefore, unitsBefore] = [await countOf(users), await countOf(units)];
    const content = await sheet([
      {
        unit: "Phòng Thử lỗi",
        parent: "Sở Tài chính",
        fullName: "Trần Thị Một",
        username: "tl.mot",
        roles: "Cán bộ báo cáo",
      },
      { unit: "Phòng Thử lỗi", fullName: "Trần Văn Hai", username: "tl.hai", roles: "Giám đốc" },
      { unit: "Sở Tài chính", fullName: "Lê Ba", username: "tl.ba", email: "khong-phai-email", roles: "Xem" },
      // Same username as earlier with another unit: an error, never an update.
      { unit: "Sở Tài chính", fullName: "Nguyễn Văn Thử 1", username: "tn.nguoi1", roles: "Quản trị" },
    ]);
    const shown = await preview("admin", content);
    expect(shown.rows.map((r) => [r.row, r.action])).toEqual([
      [3, "create"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
    ]);
    expect(shown.rows[1]!.errors[0]).toContain('Không hiểu vai trò "Giám đốc"');
    expect(shown.rows[2]!.errors[0]).toContain('Địa chỉ email "khong-phai-email" không hợp lệ');
    expect(shown.rows[3]!.errors[0]).toContain('Tên đăng nhập "tn.nguoi1" đã có');

    const res = await upload("admin", "/api/accounts/import", content);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(
      /^Không nhập tệp vì 3 dòng có lỗi\. Dòng 4: Không hiểu vai trò "Giám đốc"/,
    );
    expect(res.json().error.details[0]).toMatchObject({ path: "dòng 4" });
    expect([await countOf(users), await countOf(units)]).toEqual([usersBefore, unitsBefore]);
  });

  it("refuses files that are not .xlsx, sheets without the header row, and oversize files", async () => {
    const text = await upload("admin", "/api/accounts/import/preview", Buffer.from("Đơn vị;Họ và tên"), {}, "ds.csv");
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toContain("không phải tệp Excel (.xlsx)");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trang 1").addRow(["STT", "Tên"]);
    const noHeader = await upload(
      "admin",
      "/api/accounts/import/preview",
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain("Không tìm thấy dòng tiêu đề");
    const big = await upload("admin", "/api/accounts/import/preview", Buffer.alloc(3 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain("quá lớn");
  });
});

describe("a department's coordinator", () => {
  beforeAll(async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      headers: { cookie: cookies.admin! },
      payload: {
        username: "vpsct",
        fullName: "Lê Thị Văn Phòng",
        unitId: unitIds["Văn phòng Sở Công Thương"],
        roles: ["coordinator"],
        scopeUnitId: unitIds["Sở Công Thương"],
      },
    });
    const { initialPassword } = res.json();
    const first = await t.login("vpsct", initialPassword);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/change-password",
      headers: { cookie: first },
      payload: { currentPassword: initialPassword, newPassword: "DoiMatKhau2025" },
    });
    cookies.vpsct = await t.login("vpsct", "DoiMatKhau2025");
  });

  it("cannot create units or accounts outside its subtree through the sheet", async () => {
    const [usersBefore, unitsBefore] = [await countOf(users), await countOf(units)];
    const content = await sheet([
      { unit: "Phòng Quản lý năng lượng", fullName: "Phạm Năng", username: "sct.nangluong", roles: "Lãnh đạo đơn vị" },
      { unit: "Sở Tài chính", fullName: "Ngoài Phạm Vi", username: "sct.ngoai1", roles: "Cán bộ báo cáo" },
      {
        unit: "Phòng Mới",
        parent: "Sở Tài chính",
        fullName: "Ngoài Hai",
        username: "sct.ngoai2",
        roles: "Cán bộ báo cáo",
      },
      {
        unit: "Phòng Quản lý năng lượng",
        fullName: "Xem Tỉnh",
        username: "sct.ngoai3",
        roles: "Lãnh đạo (chỉ xem)",
        scope: "Sở Tài chính",
      },
    ]);
    const shown = await preview("vpsct", content);
    expect(shown.rows.map((r) => r.action)).toEqual(["create", "error", "error", "error"]);
    expect(shown.rows[1]!.errors).toContain(REFUSALS["account.manage"]);
    expect(shown.rows[2]!.errors[0]).toContain(REFUSALS["unit.manage"]);
    expect(shown.rows[3]!.errors).toContain(REFUSALS["account.grant"]);
    const res = await upload("vpsct", "/api/accounts/import", content);
    expect(res.statusCode).toBe(400);
    expect([await countOf(users), await countOf(units)]).toEqual([usersBefore, unitsBefore]);
  });

  it("issues its offices and their accounts, a new office going under the department", async () => {
    const content = await sheet([
      { unit: "Phòng Quản lý năng lượng", fullName: "Phạm Năng", username: "sct.nangluong", roles: "Lãnh đạo đơn vị" },
      { unit: "Phòng Quản lý năng lượng", fullName: "Đỗ Báo Cáo", username: "sct.nl.baocao", roles: "Cán bộ báo cáo" },
      { unit: "Văn phòng Sở Công Thương", fullName: "Hồ Thẩm Định", username: "sct.hoidong", roles: "Thẩm định" },
    ]);
    const res = await upload("vpsct", "/api/accounts/import", content);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toMatchObject({ newUnits: 1, newAccounts: 3 });
    expect(res.json().rows[2].scopeName).toBe("Sở Công Thương");
    const [office] = await t.database.db.select().from(units).where(eq(units.name, "Phòng Quản lý năng lượng"));
    expect(office!.path).toEqual([unitIds["Sở Công Thương"], office!.id]);
    expect((await preview("vpsct", content)).counts).toMatchObject({ newAccounts: 0, unchanged: 3 });
  });
});

describe("with a mail server", () => {
  it("e-mails each one-time password to rows with an e-mail, when asked; the list still shows them all", async () => {
    const sink = await startSmtpSink();
    const server = await startAppOn(t.database, t.clock, sink.mailer("https://chiso.example.vn"));
    try {
      const content = await sheet([
        { unit: "Sở Tài chính", fullName: "Võ Thư", email: "vo.thu@example.vn", username: "tc.thu", roles: "Xem" },
        { unit: "Sở Tài chính", fullName: "Không Email", username: "tc.khongthu", roles: "Cán bộ báo cáo" },
      ]);
      const body = multipartBody({ name: "ds.xlsx", content }, { sendEmail: "true" });
      const login = await server.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password: DEMO_PASSWORD },
      });
      const cookie = `chiso_session=${login.cookies.find((c) => c.name === "chiso_session")!.value}`;
      const res = await server.app.inject({
        method: "POST",
        url: "/api/accounts/import",
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const issued = (res.json() as TAccountImportResult).issued;
      expect(issued.map((p) => [p.username, p.emailed])).toEqual([
        ["tc.thu", true],
        ["tc.khongthu", false],
      ]);
      const [mail] = await sink.waitFor(1);
      expect(mail!.to).toEqual(["vo.thu@example.vn"]);
      expect(mail!.subject).toBe("Tài khoản Chỉ số (DTI) của bạn");
      expect(mail!.text).toContain("Tên đăng nhập: tc.thu");
      expect(mail!.text).toContain(`Mật khẩu ban đầu: ${issued[0]!.initialPassword}`);
      expect(mail!.text).toContain("https://chiso.example.vn");
    } finally {
      await server.close();
      await sink.close();
    }
  });
});
