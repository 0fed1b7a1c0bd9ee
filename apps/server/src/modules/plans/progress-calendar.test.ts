import type { TPlanDetail, TTask } from "@chiso/core";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.ts";
import { notifications, plans, users } from "../../db/schema.ts";
import { runScheduledReminders, type TSchedulerDeps } from "../../jobs/scheduler.ts";
import { seedDemo } from "../../seed/demo.ts";
import { startAppOn, type TAppInstance } from "../../test/app-on-database.ts";
import { startSmtpSink, type TSmtpSink } from "../../test/smtp-sink.ts";
import { openTestDatabase, testClock } from "../../test/test-app.ts";
import { installBuiltinFrameworks } from "../frameworks/builtin.ts";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Tuesday 20/05/2025, 08:00 in Vietnam.
const clock = testClock(new Date("2025-05-20T01:00:00Z"));
let database: TDatabase;
let sink: TSmtpSink;
let server: TAppInstance;
let deps: TSchedulerDeps;
let plan: TPlanDetail;
let chased: string;
let reported: string;

/** Moves the clock to 08:00 (Vietnam) on a day of June 2025. */
function setJune(day: number) {
  const target = new Date(`2025-06-${String(day).padStart(2, "0")}T01:00:00Z`).getTime();
  clock.advanceMinutes((target - clock().getTime()) / 60_000);
}

/** Titles of nhatrang's progress-report reminders, oldest first. */
async function progressNotices() {
  const rows = await database.db
    .select({ title: notifications.title })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(users.username, "nhatrang"), eq(notifications.kind, "task_progress_due")))
    .orderBy(asc(notifications.createdAt));
  return rows.map((r) => r.title);
}

const myTasks = async (): Promise<TTask[]> => (await server.call("nhatrang", "GET", "/api/tasks?mine=1")).json();

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  await seedDemo(database.db, { plans: false, reporting: false });
  await database.db
    .update(users)
    .set({ email: sql`${users.username} || '@example.vn'` })
    .where(inArray(users.username, ["nhatrang"]));
  sink = await startSmtpSink();
  deps = { db: database.db, clock, mailer: sink.mailer(), logger: silent };
  server = await startAppOn(database, clock, sink.mailer());
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  await database?.close();
});

describe("a plan's progress-report calendar (seed 003: 06 tháng, trước ngày 10/6 và ngày 10/12)", () => {
  it("refuses words it cannot read, with a Vietnamese message, and creates nothing", async () => {
    const res = await server.call("admin", "POST", "/api/plans", {
      code: "99/KH-UBND",
      title: "Kế hoạch thử",
      progressCalendar: { kind: "half", text: "khi có yêu cầu" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Không đọc được hạn báo cáo tiến độ "khi có yêu cầu"');
    expect(await database.db.select().from(plans).where(eq(plans.code, "99/KH-UBND"))).toEqual([]);
  });

  it("is set with the plan and shown in words; each task gets its next due date, 09/06 end of day", async () => {
    const units = (await server.call("admin", "GET", "/api/units")).json() as { id: string; name: string }[];
    const ward = units.find((u) => u.name === "Phường Nha Trang")!;
    const created = await server.call("admin", "POST", "/api/plans", {
      code: "03/KH-UBND",
      title: "Kế hoạch thực hiện chỉ tiêu chuyển đổi số",
      startYear: 2025,
      endYear: 2025,
      progressCalendar: { kind: "half", text: "Báo cáo kết quả 06 tháng (trước ngày 10/6 và ngày 10/12)" },
    });
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json();
    expect(plan.progressCalendar).toEqual({
      kind: "half",
      rule: { kind: "day_of_last_month", day: 10, before: true },
      words: "06 tháng: trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)",
    });
    for (const content of ["Số hóa hồ sơ một cửa", "Tập huấn kỹ năng số"]) {
      const res = await server.call("admin", "POST", `/api/plans/${plan.id}/tasks`, {
        content,
        leadUnitIds: [ward.id],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const tasks = await myTasks();
    chased = tasks.find((t) => t.content === "Số hóa hồ sơ một cửa")!.id;
    reported = tasks.find((t) => t.content === "Tập huấn kỹ năng số")!.id;
    for (const task of tasks) {
      expect(task.progressReport).toEqual({ nextDue: "2025-06-09T23:59:59+07:00", reported: false, missedDue: null });
    }
    // The ward reports one task in the window: that is its half-year report.
    clock.advanceMinutes(60);
    const posted = await server.call("nhatrang", "POST", `/api/tasks/${reported}/updates`, {
      status: "in_progress",
      percent: 40,
      note: "Đã tổ chức 2 lớp",
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await myTasks()).find((t) => t.id === reported)!.progressReport?.reported).toBe(true);
  });

  it("chases the lead unit 7, 3 and 1 days before, once each, and not for the task already reported", async () => {
    const off = await server.call("nhatrang", "PUT", "/api/notification-preferences", {
      kinds: [{ kind: "task_progress_due", email: false }],
    });
    expect(off.statusCode, off.body).toBe(200);
    for (const day of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      setJune(day);
      await runScheduledReminders(deps);
      // A second instance (or a restart) in the same hour finds every reminder already sent.
      expect((await runScheduledReminders(deps)).notices).toBe(0);
    }
    expect(await progressNotices()).toEqual([
      "Còn 7 ngày đến hạn báo cáo tiến độ nhiệm vụ: Số hóa hồ sơ một cửa",
      "Còn 3 ngày đến hạn báo cáo tiến độ nhiệm vụ: Số hóa hồ sơ một cửa",
      "Còn 1 ngày đến hạn báo cáo tiến độ nhiệm vụ: Số hóa hồ sơ một cửa",
    ]);
    const [notice] = await database.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(eq(notifications.kind, "task_progress_due"))
      .limit(1);
    expect(notice!.body).toContain("Hạn báo cáo tiến độ: 09/06/2025 23:59");
    // nhatrang turned these e-mails off: the notices stay in the app, no e-mail goes out.
    expect(sink.messages.filter((m) => m.subject.includes("báo cáo tiến độ"))).toEqual([]);
  });

  it("flags the task whose due date passed without an update, in the unit's list and on the plan page", async () => {
    setJune(10);
    server.relogin(); // three weeks on the fake clock: the morning's sessions have expired
    const tasks = await myTasks();
    expect(tasks.find((t) => t.id === chased)!.progressReport).toEqual({
      nextDue: "2025-12-09T23:59:59+07:00",
      reported: false,
      missedDue: "2025-06-09T23:59:59+07:00",
    });
    expect(tasks.find((t) => t.id === reported)!.progressReport?.missedDue).toBeNull();
    const detail: TPlanDetail = (await server.call("admin", "GET", `/api/plans/${plan.id}`)).json();
    expect(detail.tasks.filter((t) => t.progressReport?.missedDue).map((t) => t.content)).toEqual([
      "Số hóa hồ sơ một cửa",
    ]);
  });

  it("the calendar can be changed to quarterly or removed when editing the plan", async () => {
    const quarterly = await server.call("admin", "PATCH", `/api/plans/${plan.id}`, {
      progressCalendar: { kind: "quarter", text: "trước ngày 10 tháng cuối quý" },
    });
    expect(quarterly.statusCode, quarterly.body).toBe(200);
    expect(quarterly.json().progressCalendar.words).toBe("Hằng quý: trước ngày 10 tháng cuối quý");
    expect((await myTasks()).find((t) => t.id === chased)!.progressReport?.nextDue).toBe("2025-09-09T23:59:59+07:00");
    const removed = await server.call("admin", "PATCH", `/api/plans/${plan.id}`, { progressCalendar: null });
    expect(removed.json().progressCalendar).toBeNull();
    expect((await myTasks()).every((t) => t.progressReport === null)).toBe(true);
  });
});
