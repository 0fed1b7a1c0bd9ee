import type { TFrameworkDetail } from "@chiso/core";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "../db/client.ts";
import { notifications, plans, reminderLog, tasks, taskUnits, units, users } from "../db/schema.ts";
import { installBuiltinFrameworks } from "../modules/frameworks/builtin.ts";
import { seedDemo } from "../seed/demo.ts";
import { startAppOn, type TAppInstance } from "../test/app-on-database.ts";
import { startSmtpSink, type TSmtpSink } from "../test/smtp-sink.ts";
import { openTestDatabase, testClock } from "../test/test-app.ts";
import { runScheduledReminders, startScheduler, type TSchedulerDeps } from "./scheduler.ts";

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DEADLINE_KINDS = ["deadline_soon", "deadline_passed"];

let database: TDatabase;
let sink: TSmtpSink;
let server: TAppInstance;
// Sunday 14/06/2025, 08:00 in Vietnam: ten days before the Q2 deadline (24/06 23:59:59).
const clock = testClock(new Date("2025-06-14T01:00:00Z"));
let deps: TSchedulerDeps;

/** Moves the clock to 08:00 (Vietnam) on a day of June 2025. */
function setDay(day: number) {
  const target = new Date(`2025-06-${String(day).padStart(2, "0")}T01:00:00Z`).getTime();
  clock.advanceMinutes((target - clock().getTime()) / 60_000);
}

/** A user's notices of some kinds, oldest first, as "dd: title". */
async function noticesOf(username: string, kinds: string[]) {
  const rows = await database.db
    .select({ title: notifications.title, at: notifications.createdAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(sql`${users.username} = ${username} and ${inArray(notifications.kind, kinds)}`)
    .orderBy(asc(notifications.createdAt), asc(notifications.title));
  return rows.map((r) => `${String(r.at.getUTCDate()).padStart(2, "0")}: ${r.title}`);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  await seedDemo(database.db, { plans: false, reporting: false });
  await database.db
    .update(users)
    .set({ email: sql`${users.username} || '@example.vn'` })
    .where(inArray(users.username, ["nhatrang", "noivu"]));
  sink = await startSmtpSink();
  deps = { db: database.db, clock, mailer: sink.mailer(), logger: silent };
  server = await startAppOn(database, clock, sink.mailer());

  const list = (await server.call("admin", "GET", "/api/frameworks")).json();
  const framework: TFrameworkDetail = (await server.call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
  const opened = await server.call("admin", "POST", "/api/periods", {
    frameworkId: framework.id,
    kind: "quarter",
    year: 2025,
    index: 2,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  // noivu wants no deadline e-mails at all; the notices stay in the app
  const off = await server.call("noivu", "PUT", "/api/notification-preferences", {
    kinds: [
      { kind: "deadline_soon", email: false },
      { kind: "deadline_passed", email: false },
    ],
  });
  expect(off.statusCode, off.body).toBe(200);

  // A plan task of Phường Nha Trang due 20/06, and one already done: only the first is chased.
  const [ward] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, "Phường Nha Trang"));
  const [plan] = await database.db
    .insert(plans)
    .values({ code: "01/KH-UBND", title: "Kế hoạch chuyển đổi số phường 2025" })
    .returning({ id: plans.id });
  const taskRows = await database.db
    .insert(tasks)
    .values(
      ["Số hóa hồ sơ một cửa", "Tập huấn kỹ năng số"].map((content, i) => ({
        planId: plan!.id,
        number: String(i + 1),
        content,
        timeframeText: "20/6/2025",
        timeframe: { kind: "range", start: null, end: "2025-06-20" },
        status: i === 0 ? ("in_progress" as const) : ("done" as const),
      })),
    )
    .returning({ id: tasks.id });
  await database.db
    .insert(taskUnits)
    .values(taskRows.map((t) => ({ taskId: t.id, unitId: ward!.id, role: "lead" as const })));
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
  await database?.close();
});

describe("the reminder scheduler, on a fake clock", () => {
  it("reminds at 7, 3 and 1 days and once when the deadline passes — each exactly once, whatever the number of runs", async () => {
    for (let day = 14; day <= 28; day++) {
      setDay(day);
      if (day === 17) {
        // two instances waking at the same moment: the lock and the log let exactly one of them send
        const [a, b] = await Promise.all([runScheduledReminders(deps), runScheduledReminders(deps)]);
        expect(a.notices + b.notices).toBeGreaterThan(0);
        expect(Math.min(a.notices, b.notices)).toBe(0);
      } else {
        await runScheduledReminders(deps);
      }
      clock.advanceMinutes(12 * 60); // a second run the same evening changes nothing
      expect((await runScheduledReminders(deps)).notices).toBe(0);
    }
    expect(await noticesOf("nhatrang", DEADLINE_KINDS)).toEqual([
      "17: Còn 7 ngày đến hạn báo cáo Quý II/2025",
      "21: Còn 3 ngày đến hạn báo cáo Quý II/2025",
      "23: Còn 1 ngày đến hạn báo cáo Quý II/2025",
      "25: Đã quá hạn báo cáo Quý II/2025",
    ]);
    expect(await noticesOf("noivu", DEADLINE_KINDS)).toHaveLength(4);
    // a reporter's notice names what the unit still owes
    const [notice] = await database.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(eq(notifications.title, "Còn 7 ngày đến hạn báo cáo Quý II/2025"))
      .limit(1);
    expect(notice!.body).toMatch(/còn \d+ báo cáo chưa gửi\. Hạn: 24\/06\/2025 23:59\./);
  });

  it("chases an unfinished plan task before and after its end, and leaves a finished one alone", async () => {
    expect(await noticesOf("nhatrang", ["task_deadline", "task_overdue"])).toEqual([
      "14: Còn 6 ngày đến hạn nhiệm vụ: Số hóa hồ sơ một cửa",
      "17: Còn 3 ngày đến hạn nhiệm vụ: Số hóa hồ sơ một cửa",
      "19: Còn 1 ngày đến hạn nhiệm vụ: Số hóa hồ sơ một cửa",
      "21: Nhiệm vụ quá hạn: Số hóa hồ sơ một cửa",
    ]);
    expect(await noticesOf("noivu", ["task_deadline", "task_overdue"])).toEqual([]);
  });

  it("e-mails each reminder once, with Vietnamese subjects, and nothing to a user who turned them off", async () => {
    const subjects = (who: string) =>
      sink.messages.filter((m) => m.to.includes(`${who}@example.vn`)).map((m) => m.subject);
    const toWard = subjects("nhatrang");
    expect(toWard.filter((s) => s.includes("hạn báo cáo"))).toEqual([
      "Còn 7 ngày đến hạn báo cáo Quý II/2025",
      "Còn 3 ngày đến hạn báo cáo Quý II/2025",
      "Còn 1 ngày đến hạn báo cáo Quý II/2025",
      "Đã quá hạn báo cáo Quý II/2025",
    ]);
    expect(toWard.filter((s) => /nhiệm vụ/i.test(s))).toHaveLength(4);
    expect(subjects("noivu").filter((s) => s.includes("hạn báo cáo"))).toEqual([]);
  });

  it("a restarted server (a new instance on the same database) sends nothing twice, nor does another manual run", async () => {
    const logged = (await database.db.select({ n: sql<number>`count(*)::int` }).from(reminderLog))[0]!.n;
    const noticesBefore = (await database.db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]!.n;
    const mailed = sink.messages.length;
    await server.close();
    server = await startAppOn(database, clock, sink.mailer());
    const scheduler = startScheduler(deps, { everyMinutes: 15 });
    await scheduler.idle(); // it runs at once on start
    await scheduler.stop();
    expect((await runScheduledReminders(deps)).notices).toBe(0);
    expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]!.n).toBe(noticesBefore);
    expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(reminderLog))[0]!.n).toBe(logged);
    expect(sink.messages.length).toBe(mailed);
  });

  it("a unit whose deadline is extended is reminded again for the new deadline", async () => {
    const [ward] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, "Phường Nha Trang"));
    const period = (await server.call("admin", "GET", "/api/periods")).json()[0];
    server.relogin();
    setDay(28);
    const res = await server.call("admin", "POST", `/api/periods/${period.id}/extensions`, {
      unitId: ward!.id,
      deadline: "2025-07-01T23:59:59+07:00",
      reason: "Phường mới sáp nhập, cần thêm thời gian",
    });
    expect(res.statusCode, res.body).toBe(200);
    await runScheduledReminders(deps);
    await runScheduledReminders(deps);
    expect((await noticesOf("nhatrang", DEADLINE_KINDS)).slice(4)).toEqual([
      "28: Còn 3 ngày đến hạn báo cáo Quý II/2025",
    ]);
  });

  it("is off with everyMinutes 0", async () => {
    const scheduler = startScheduler(deps, { everyMinutes: 0 });
    await scheduler.stop();
  });
});
