import { describe, expect, it } from "vitest";
import type { TParsedTimeframe } from "../calendar/timeframe.ts";
import {
  isTaskOverdue,
  progressBySection,
  progressByUnit,
  sectionLabel,
  summarizeProgress,
  type TProgressTask,
} from "./progress.ts";

const year2025: TParsedTimeframe = { kind: "range", start: "2025-01-01", end: "2025-12-31" };
const q1: TParsedTimeframe = { kind: "range", start: "2025-01-01", end: "2025-03-31" };
const PQLTM = { id: "u1", name: "Phòng Quản lý thương mại" };

function task(id: string, fields: Partial<TProgressTask>): TProgressTask {
  return {
    id,
    parentId: null,
    isSection: false,
    number: id,
    content: `Nhiệm vụ ${id}`,
    status: "not_started",
    percent: 0,
    timeframe: null,
    leadUnits: [],
    leadText: null,
    ...fields,
  };
}

const TASKS: TProgressTask[] = [
  task("II", { isSection: true, content: "Danh mục nhiệm vụ" }),
  task("1", { isSection: true, parentId: "II", content: "Phòng Quản lý thương mại" }),
  task("1.1", { parentId: "1", timeframe: q1, leadUnits: [PQLTM] }),
  task("1.2", { parentId: "1", status: "done", percent: 100, timeframe: q1, leadUnits: [PQLTM] }),
  task("1.3", {
    parentId: "1",
    status: "in_progress",
    percent: 50,
    timeframe: year2025,
    leadText: "Văn phòng Sở (Tiền)",
  }),
  task("x", { status: "late", percent: 20, timeframe: { kind: "recurring_yearly", fromYear: 2025 } }),
];

describe("sectionLabel", () => {
  it("does not repeat a parent's number the child already carries", () => {
    const rows = [
      task("I", { isSection: true, content: "Đánh giá" }),
      task("2", { isSection: true, parentId: "I", content: "Kinh tế số" }),
      task("2.1", { isSection: true, parentId: "2", content: "Tỷ trọng kinh tế số" }),
    ];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(sectionLabel(rows[2]!, byId)).toBe("I.2.1 Tỷ trọng kinh tế số");
    expect(sectionLabel(rows[1]!, byId)).toBe("I.2 Kinh tế số");
  });
});

describe("isTaskOverdue (Vietnam's calendar)", () => {
  it.each<[string, Partial<TProgressTask>, string, boolean]>([
    ["Q1 not done, checked in April", { timeframe: q1 }, "2025-04-01T00:00:00+07:00", true],
    ["Q1 not done, the evening of 31/3 in Vietnam", { timeframe: q1 }, "2025-03-31T16:59:00Z", false],
    ["Q1 not done, 00:00 on 1/4 in Vietnam (still 31/3 in UTC)", { timeframe: q1 }, "2025-03-31T17:00:00Z", true],
    ["Q1 done", { timeframe: q1, status: "done" }, "2025-06-01T00:00:00Z", false],
    ["recurring yearly", { timeframe: { kind: "recurring_yearly", fromYear: 2025 } }, "2030-01-01T00:00:00Z", false],
    ["ongoing", { timeframe: { kind: "ongoing" } }, "2030-01-01T00:00:00Z", false],
    ["unreadable", { timeframe: { kind: "unparsed", text: "Quý II, Quý IV/2025" } }, "2030-01-01T00:00:00Z", false],
    ["no timeframe", { timeframe: null }, "2030-01-01T00:00:00Z", false],
    ["a section", { timeframe: q1, isSection: true }, "2030-01-01T00:00:00Z", false],
  ])("%s → %s", (_label, fields, now, expected) => {
    expect(isTaskOverdue(task("t", fields), now)).toBe(expected);
  });
});

describe("progress", () => {
  const now = "2025-06-02T09:00:00+07:00";

  it("summarises the plan", () => {
    expect(summarizeProgress(TASKS, now)).toEqual({
      key: "all",
      label: "",
      total: 4,
      done: 1,
      inProgress: 1,
      notStarted: 1,
      late: 1,
      overdue: 1,
      percent: 42.5,
    });
  });

  it("groups by nearest section, labelled with the numbers above it", () => {
    expect(progressBySection(TASKS, now).map((g) => [g.label, g.total, g.done, g.overdue, g.percent])).toEqual([
      ["II.1 Phòng Quản lý thương mại", 3, 1, 1, 50],
      ["Không thuộc mục nào", 1, 0, 0, 20],
    ]);
  });

  it("groups by lead unit, then by the lead written as text", () => {
    expect(progressByUnit(TASKS, now).map((g) => [g.label, g.total, g.overdue])).toEqual([
      ["Phòng Quản lý thương mại", 2, 1],
      ["Chưa có đơn vị chủ trì", 1, 0],
      ["Văn phòng Sở", 1, 0],
    ]);
  });
});
