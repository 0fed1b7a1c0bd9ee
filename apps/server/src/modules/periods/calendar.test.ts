import { formatDateTimeVi, parseDeadlineText, type TFrameworkDetail, type TPeriod } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/* A framework carries its plan's reporting calendar; periods open with its deadlines, shown in its words. */
let t: TTestApp;
const cookies: Record<string, string> = {};
let framework: TFrameworkDetail;

const call = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const open = (body: object) => call("admin", "POST", "/api/periods", { frameworkId: framework.id, ...body });

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu"]) cookies[who] = await t.login(who);
  const list = (await call("admin", "GET", "/api/frameworks")).json();
  framework = (await call("admin", "GET", `/api/frameworks/${list[0].id}`)).json();
});
afterAll(() => t.close());

describe("the reporting calendar as data", () => {
  it("the built-in 2025 framework states plan 4636's calendar", () => {
    expect(framework.deadlineRules).toEqual({
      quarter: { kind: "day_of_last_month", day: 25, before: true },
      year: { kind: "fixed_date", month: 1, day: 10, yearOffset: 1, before: true },
    });
  });

  it("the coordinator sets seed 003's calendar from its words; only the coordinator may", async () => {
    const deadlineRules = {
      quarter: parseDeadlineText("trước ngày 10 tháng cuối quý", "quarter"),
      half: parseDeadlineText("06 tháng (trước ngày 10/6 và ngày 10/12)", "half"),
      year: parseDeadlineText("Báo cáo năm trước ngày 10/12 hằng năm", "year"),
    };
    expect((await call("noivu", "PUT", `/api/frameworks/${framework.id}/calendar`, { deadlineRules })).statusCode).toBe(
      403,
    );
    const res = await call("admin", "PUT", `/api/frameworks/${framework.id}/calendar`, { deadlineRules });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("published");
    expect(res.json().deadlineRules).toEqual(deadlineRules);
  });

  it("Quý II opens due 09/06 end of day Vietnam time, the rule shown in words", async () => {
    const res = await open({ kind: "quarter", year: 2025, index: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const period: TPeriod = res.json();
    expect(period.deadline).toBe("2025-06-09T16:59:59.000Z");
    expect(formatDateTimeVi(period.deadline)).toBe("09/06/2025 23:59");
    expect(period.deadlineRuleText).toBe("Trước ngày 10 tháng cuối quý");
  });

  it.each([
    [
      { kind: "half", year: 2025, index: 1 },
      "09/06/2025 23:59",
      "Trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)",
    ],
    [
      { kind: "half", year: 2025, index: 2 },
      "09/12/2025 23:59",
      "Trước ngày 10 tháng cuối kỳ 6 tháng (tháng 6 và tháng 12)",
    ],
    [{ kind: "year", year: 2025, index: 1 }, "09/12/2025 23:59", "Trước ngày 10/12 hằng năm"],
  ])("%o opens due %s (%s)", async (slot, shown, words) => {
    const res = await open(slot);
    expect(res.statusCode, res.body).toBe(201);
    expect(formatDateTimeVi(res.json().deadline)).toBe(shown);
    expect(res.json().deadlineRuleText).toBe(words);
  });

  it("a deadline the coordinator types is kept as typed, with no rule claimed", async () => {
    const res = await open({ kind: "quarter", year: 2025, index: 3, deadline: "2025-09-30T10:00:00+07:00" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ deadline: "2025-09-30T03:00:00.000Z", deadlineRuleText: null });
  });

  it("a period outside the framework's year needs the coordinator's reason, which is kept", async () => {
    const refused = await open({ kind: "quarter", year: 2026, index: 4 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      "Kỳ Quý IV/2026 không thuộc năm 2025 của bộ chỉ số: vui lòng ghi lý do mở kỳ ngoài năm của bộ chỉ số (ít nhất 5 ký tự).",
    );
    const reason = "Tiếp tục dùng bộ chỉ số năm 2025 cho đến khi ban hành bộ chỉ số năm 2026";
    const res = await open({ kind: "quarter", year: 2026, index: 4, outOfYearReason: reason });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ label: "Quý IV/2026", outOfYearReason: reason });
    expect(formatDateTimeVi(res.json().deadline)).toBe("09/12/2026 23:59");
  });

  it('the economic-zone plan\'s "trước ngày 30/11 hằng năm" gives 29/11 end of day', async () => {
    const year = parseDeadlineText("trước ngày 30/11 hằng năm", "year");
    await call("admin", "PUT", `/api/frameworks/${framework.id}/calendar`, { deadlineRules: { year } });
    const res = await open({ kind: "year", year: 2026, index: 1, outOfYearReason: "Theo dõi năm 2026" });
    expect(res.statusCode, res.body).toBe(201);
    expect(formatDateTimeVi(res.json().deadline)).toBe("29/11/2026 23:59");
    expect(res.json().deadlineRuleText).toBe("Trước ngày 30/11 hằng năm");
  });
});
