import type { TFrameworkDetail, TNotificationList, TNotificationPreferences, TReportDetail } from "@chiso/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.ts";
import { auditLog, documents, notifications, users } from "../../db/schema.ts";
import { seedDemo } from "../../seed/demo.ts";
import { startAppOn, type TAppInstance } from "../../test/app-on-database.ts";
import { startSmtpSink, type TSmtpSink } from "../../test/smtp-sink.ts";
import { openTestDatabase, testClock } from "../../test/test-app.ts";
import { installBuiltinFrameworks } from "../frameworks/builtin.ts";
import { deliverPendingEmails } from "./delivery.ts";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let database: TDatabase;
let clock: ReturnType<typeof testClock>;
let sink: TSmtpSink;
let server: TAppInstance;
let framework: TFrameworkDetail;
let unitIds: Record<string, string>;
let periodId: string;
let report: TReportDetail;

/** Every change happens a minute after the previous one, so "newest first" has an answer. */
const call: TAppInstance["call"] = (who, method, url, payload) => {
  if (method !== "GET") clock.advanceMinutes(1);
  return server.call(who, method, url, payload);
};
const mine = async (who: string): Promise<TNotificationList> => (await call(who, "GET", "/api/notifications")).json();
const titlesOf = async (who: string) => (await mine(who)).items.map((n) => n.title);
const mailTo = (who: string) => sink.messages.filter((m) => m.to.includes(`${who}@example.vn`));
const act = (who: string, action: string, extra: object = {}) =>
  call(who, "POST", `/api/reports/${report.id}/actions`, { action, version: report.version, ...extra });
/** Lets the e-mail that follows a response go out (or not) before counting the mailbox. */
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  await seedDemo(database.db, { plans: false, reporting: false });
  await database.db
    .update(users)
    .set({ email: sql`${users.username} || '@example.vn'` })
    .where(inArray(users.username, ["admin", "nhatrang", "noivu", "vpubnd", "thamdinh", "lanhdao"]));
  clock = testClock();
  sink = await startSmtpSink();
  server = await startAppOn(database, clock, sink.mailer());
  unitIds = Object.fromEntries(
    (await call("admin", "GET", "/api/units")).json().map((u: { name: string; id: string }) => [u.name, u.id]),
  );
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  await database?.close();
});

describe("notifications of workflow events", () => {
  it("opening a period notifies the units that report in it — not the coordinator, the council or leadership", async () => {
    const res = await call("admin", "POST", "/api/periods", {
      frameworkId: framework.id,
      kind: "quarter",
      year: 2025,
      index: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    periodId = res.json().id;
    for (const who of ["nhatrang", "noivu", "vpubnd"]) {
      expect(await titlesOf(who)).toEqual(["Đã mở kỳ báo cáo Quý II/2025"]);
    }
    for (const who of ["admin", "thamdinh", "lanhdao"]) expect(await titlesOf(who)).toEqual([]);
    const notice = (await mine("nhatrang")).items[0]!;
    expect(notice).toMatchObject({
      kind: "period_opened",
      readAt: null,
      link: `/reports?tab=work&periodId=${periodId}`,
    });
    expect(notice.body).toContain("Hạn gửi báo cáo: 24/06/2025 23:59");

    // the e-mails follow the response, from the outbox, with the Vietnamese subject
    await sink.waitFor(3);
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual([
      "nhatrang@example.vn",
      "noivu@example.vn",
      "vpubnd@example.vn",
    ]);
    expect(new Set(sink.messages.map((m) => m.subject))).toEqual(new Set(["Đã mở kỳ báo cáo Quý II/2025"]));
    expect(mailTo("nhatrang")[0]!.text).toContain("Kính gửi Lê Văn Báo Cáo,");
    expect(mailTo("nhatrang")[0]!.text).toContain(`https://chiso.example.vn/reports?tab=work&periodId=${periodId}`);
  });

  it("a submitted cooperating report notifies the lead agency's lead, not the rest of its unit", async () => {
    const indicatorId = framework.indicators.find((i) => i.code === "4.2")!.id;
    report = (await call("nhatrang", "POST", "/api/reports", { periodId, indicatorId })).json();
    report = (
      await call("nhatrang", "PATCH", `/api/reports/${report.id}`, {
        values: { numerator: 3, denominator: 10 },
        version: report.version,
      })
    ).json();
    const [doc] = await database.db
      .insert(documents)
      .values({
        unitId: unitIds["Phường Nha Trang"]!,
        sha256: "0".repeat(64),
        size: 1234,
        mimeType: "application/pdf",
        fileName: "ke-hoach.pdf",
        docNumber: "15/KH-UBND",
        issuedOn: "2025-05-10",
      })
      .returning({ id: documents.id });
    report = (await call("nhatrang", "POST", `/api/reports/${report.id}/documents`, { documentId: doc!.id })).json();
    const submitted = await act("nhatrang", "submit");
    expect(submitted.statusCode, submitted.body).toBe(200);
    report = submitted.json();

    const lead = await mine("noivu");
    expect(lead.unread).toBe(2);
    expect(lead.items[0]).toMatchObject({
      kind: "review_requested",
      title: "Báo cáo chỉ số 4.2 của Phường Nha Trang chờ xem xét",
      link: `/reports/${report.id}`,
    });
    expect(await titlesOf("thamdinh")).toEqual([]);
    expect(await titlesOf("admin")).toEqual([]);
    expect(await titlesOf("nhatrang")).toEqual(["Đã mở kỳ báo cáo Quý II/2025"]);
  });

  it("a returned report notifies the unit, and the e-mail reaches the SMTP server with a Vietnamese subject", async () => {
    const before = sink.messages.length;
    report = (await act("noivu", "return", { comment: "Thiếu số liệu của tổ dân phố 5" })).json();
    expect(report.status).toBe("returned");
    const notice = (await mine("nhatrang")).items[0]!;
    expect(notice).toMatchObject({ kind: "report_returned", title: "Báo cáo chỉ số 4.2 bị trả lại" });
    expect(notice.body).toBe(
      "Thiếu số liệu của tổ dân phố 5\nQuý II/2025 · 4.2. Tỷ lệ công chức, viên chức chuyên trách về chuyển đổi số.",
    );
    expect(await titlesOf("noivu")).not.toContain("Báo cáo chỉ số 4.2 bị trả lại");

    await sink.waitFor(before + 2); // the lead's e-mail of the submission, then this one
    const mail = mailTo("nhatrang").find((m) => m.subject === "Báo cáo chỉ số 4.2 bị trả lại")!;
    expect(mail.text).toContain("Thiếu số liệu của tổ dân phố 5");
    expect(mail.text).toContain(`https://chiso.example.vn/reports/${report.id}`);
    expect(mail.text).toContain("https://chiso.example.vn/notifications");
  });

  it("a reply in the thread reaches the other side of the conversation, never its author", async () => {
    expect(
      (await call("nhatrang", "POST", `/api/reports/${report.id}/comments`, { body: "Đã bổ sung tổ 5" })).statusCode,
    ).toBe(200);
    const lead = (await mine("noivu")).items[0]!;
    expect(lead).toMatchObject({ kind: "comment_reply", title: "Trao đổi mới về báo cáo chỉ số 4.2" });
    expect(lead.body).toContain("Lê Văn Báo Cáo: Đã bổ sung tổ 5");
    expect((await mine("nhatrang")).items[0]!.kind).not.toBe("comment_reply");

    await call("noivu", "POST", `/api/reports/${report.id}/comments`, { body: "Cảm ơn, đề nghị gửi lại" });
    expect((await mine("nhatrang")).items[0]).toMatchObject({ kind: "comment_reply" });
    expect(await titlesOf("vpubnd")).toEqual(["Đã mở kỳ báo cáo Quý II/2025"]);
  });
});

describe("a user's own notifications", () => {
  it("another unit can neither list nor mark someone else's notifications", async () => {
    const theirs = (await mine("nhatrang")).items.map((n) => n.id);
    const others = (await mine("vpubnd")).items.map((n) => n.id);
    expect(others.some((id) => theirs.includes(id))).toBe(false);
    const res = await call("vpubnd", "POST", `/api/notifications/${theirs[0]}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
    expect((await mine("nhatrang")).items[0]!.readAt).toBeNull();
    expect((await call("vpubnd", "POST", "/api/notifications/khong-phai-ma/read")).statusCode).toBe(400);
  });

  it("marks one, then all, as read; newest first; unread only on request", async () => {
    const before = await mine("nhatrang");
    expect(before.unread).toBe(before.items.length);
    const times = before.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await call("nhatrang", "POST", `/api/notifications/${before.items[0]!.id}/read`)).statusCode).toBe(204);
    const after = await mine("nhatrang");
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items[0]!.readAt).not.toBeNull();
    const unreadOnly = (await call("nhatrang", "GET", "/api/notifications?unreadOnly=true")).json();
    expect(unreadOnly.items).toHaveLength(before.unread - 1);

    expect((await call("nhatrang", "POST", "/api/notifications/read-all")).json()).toEqual({
      updated: before.unread - 1,
    });
    expect((await mine("nhatrang")).unread).toBe(0);
  });
});

describe("e-mail preferences and delivery", () => {
  it("each kind is e-mailed unless the user turns it off; the change is audited", async () => {
    const prefs: TNotificationPreferences = (await call("nhatrang", "GET", "/api/notification-preferences")).json();
    expect(prefs.emailConfigured).toBe(true);
    expect(prefs.email).toBe("nhatrang@example.vn");
    expect(prefs.kinds.every((k) => k.email)).toBe(true);
    expect(prefs.kinds.map((k) => k.kind)).toContain("task_overdue");

    const saved = await call("nhatrang", "PUT", "/api/notification-preferences", {
      kinds: [{ kind: "report_returned", email: false }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().kinds.find((k: { kind: string }) => k.kind === "report_returned").email).toBe(false);
    expect(saved.json().kinds.filter((k: { email: boolean }) => !k.email)).toHaveLength(1);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "notification.preferences"));
    expect(audit).toHaveLength(1);
    expect(
      (await call("nhatrang", "PUT", "/api/notification-preferences", { kinds: [{ kind: "khong-co", email: true }] }))
        .statusCode,
    ).toBe(400);
    const repeated = await call("nhatrang", "PUT", "/api/notification-preferences", {
      kinds: [
        { kind: "chase", email: false },
        { kind: "chase", email: true },
      ],
    });
    expect(repeated.statusCode, repeated.body).toBe(200);
    expect(repeated.json().kinds.find((k: { kind: string }) => k.kind === "chase").email).toBe(true);
  });

  it("a user who turned a kind off gets the notice in the app but no e-mail", async () => {
    const current: TReportDetail = (await call("nhatrang", "GET", `/api/reports/${report.id}`)).json();
    report = current;
    report = (await act("nhatrang", "submit")).json();
    expect(report.status).toBe("submitted");
    await settle();
    // Whatever earlier steps left pending goes out first, so only this step's e-mails are counted.
    await deliverPendingEmails({ db: database.db, clock, mailer: sink.mailer(), logger: silent });
    const mailed = sink.messages.length;
    const explanation = await act("noivu", "request_explanation", {
      comment: "Bổ sung quyết định phân công",
      explanationDueAt: "2025-06-20T23:59:59+07:00",
    });
    expect(explanation.statusCode, explanation.body).toBe(200);
    report = explanation.json();
    expect((await mine("nhatrang")).items[0]!.title).toBe("Yêu cầu giải trình, bổ sung báo cáo chỉ số 4.2");
    await settle();
    await deliverPendingEmails({ db: database.db, clock, mailer: sink.mailer(), logger: silent });
    expect(sink.messages.length).toBe(mailed);
    expect(mailTo("nhatrang").some((m) => m.subject.startsWith("Yêu cầu giải trình"))).toBe(false);
  });

  it("a mail server that refuses never fails the action; the e-mail goes out once on a later run", async () => {
    sink.refusing = true;
    const mailed = sink.messages.length;
    const res = await call("nhatrang", "POST", `/api/reports/${report.id}/comments`, { body: "Đang bổ sung" });
    expect(res.statusCode).toBe(200);
    await settle();
    expect(sink.messages.length).toBe(mailed);
    const [pending] = await database.db
      .select({ emailSentAt: notifications.emailSentAt })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(users.username, "noivu"), eq(notifications.kind, "comment_reply")))
      .orderBy(sql`${notifications.createdAt} desc`)
      .limit(1);
    expect(pending!.emailSentAt).toBeNull();

    sink.refusing = false;
    const mailer = sink.mailer();
    expect(await deliverPendingEmails({ db: database.db, clock, mailer, logger: silent })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(await deliverPendingEmails({ db: database.db, clock, mailer, logger: silent })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(sink.messages.slice(mailed).map((m) => [m.to[0], m.subject])).toEqual([
      ["noivu@example.vn", "Trao đổi mới về báo cáo chỉ số 4.2"],
    ]);
  });

  it("without SMTP configured, notifications stay in the app and the page says so", async () => {
    const plain = await startAppOn(database, clock);
    try {
      const prefs = (await plain.call("nhatrang", "GET", "/api/notification-preferences")).json();
      expect(prefs.emailConfigured).toBe(false);
      expect((await plain.call("nhatrang", "GET", "/api/notifications")).json().items.length).toBeGreaterThan(0);
    } finally {
      await plain.close();
    }
  });
});
