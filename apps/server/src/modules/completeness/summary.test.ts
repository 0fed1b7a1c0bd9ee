import {
  addSlot,
  emptyCounts,
  isPastDeadline,
  slotStatus,
  type TCompletenessCounts,
  type TReportStatus,
} from "@chiso/core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type TDatabase } from "../../db/client.ts";
import {
  documents,
  periodExtensions,
  periods,
  reportDocuments,
  reportEvents,
  reports,
  units,
} from "../../db/schema.ts";
import { seedDemo } from "../../seed/demo.ts";
import { openTestDatabase } from "../../test/test-app.ts";
import { installBuiltinFrameworks } from "../frameworks/builtin.ts";
import * as repo from "./repo.ts";

/*
 * The page counts in SQL (`summarizeSlots`); the rules are core's (`slotStatus`, `addSlot`, `isPastDeadline`, who may
 * chase). This checks one against the other, slot by slot, on a period built to sit on every edge of the rules.
 */

let database: TDatabase;
let periodId: string;
let lead: string; // Sở Nội vụ: leads 4.1–4.4, and reports on many indicators of its own
let ward: string; // Phường Nha Trang: cooperates on 4.1–4.4
let extended: string; // Phường Bắc Nha Trang: an extension to D + 6 days
let inactive: string; // Viettel Khánh Hòa: deactivated, with a report sent on time
/** The period's deadline D: 24/06/2025 23:59:59 Vietnam time. */
const D = new Date("2025-06-24T16:59:59.000Z");
const at = (ms: number) => new Date(D.getTime() + ms);
const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;

/** What each of the lead's slots below should come out as, whatever `now` is. */
const expectedStatus: Record<string, "on_time" | "late" | "missing"> = {};

async function unitId(name: string) {
  const [row] = await database.db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

async function assignedIndicators(unit: string) {
  const rows = await queryRows<{ indicator_id: string; role: "lead" | "cooperate" }>(
    database.db,
    sql`select a.indicator_id, a.role from assignments a join indicators i on i.id = a.indicator_id
        join periods p on p.framework_id = a.framework_id
        where a.unit_id = ${unit} and p.id = ${periodId} order by i.sort_order, i.code`,
  );
  return rows;
}

/** A report with its submit events (each a submission) and evidence documents, written as the app would. */
async function addReport(
  unit: string,
  slot: { indicator_id: string; role: "lead" | "cooperate" },
  report: { status: TReportStatus; submittedAt: Date | null; submits?: Date[]; evidence?: number },
) {
  const [row] = await database.db
    .insert(reports)
    .values({
      periodId,
      indicatorId: slot.indicator_id,
      unitId: unit,
      role: slot.role,
      status: report.status,
      submittedAt: report.submittedAt,
    })
    .returning({ id: reports.id });
  for (const when of report.submits ?? []) {
    await database.db
      .insert(reportEvents)
      .values({ reportId: row!.id, at: when, action: "submit", fromStatus: "draft", toStatus: "submitted" });
  }
  for (let n = 0; n < (report.evidence ?? 0); n++) {
    const [doc] = await database.db
      .insert(documents)
      .values({ unitId: unit, sha256: String(n).repeat(64), size: 10, mimeType: "application/pdf", fileName: "qd.pdf" })
      .returning({ id: documents.id });
    await database.db.insert(reportDocuments).values({ reportId: row!.id, documentId: doc!.id });
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  await installBuiltinFrameworks(database.db);
  await seedDemo(database.db, { plans: false, reporting: false });
  const [framework] = await queryRows<{ framework_id: string }>(
    database.db,
    sql`select framework_id from assignments limit 1`,
  );
  const [period] = await database.db
    .insert(periods)
    .values({
      frameworkId: framework!.framework_id,
      kind: "quarter",
      year: 2025,
      index: 2,
      label: "Quý II/2025",
      windowStart: "2025-04-01",
      windowEnd: "2025-06-30",
      deadline: D,
    })
    .returning({ id: periods.id });
  periodId = period!.id;
  lead = await unitId("Sở Nội vụ");
  ward = await unitId("Phường Nha Trang");
  extended = await unitId("Phường Bắc Nha Trang");
  inactive = await unitId("Viettel Khánh Hòa");

  const own = await assignedIndicators(lead);
  const cases: [string, Parameters<typeof addReport>[2], "on_time" | "late" | "missing"][] = [
    // sent in the deadline's own last second (23:59:59.999): on time
    ["last second", { status: "submitted", submittedAt: at(999), submits: [at(999)], evidence: 1 }, "on_time"],
    // one second later: late
    ["next second", { status: "submitted", submittedAt: at(SECOND), submits: [at(SECOND)], evidence: 2 }, "late"],
    // first sent before the deadline, returned and sent again after it: judged on the first submission
    [
      "resubmitted",
      { status: "submitted", submittedAt: at(3 * DAY), submits: [at(3 * DAY), at(-DAY)], evidence: 1 },
      "on_time",
    ],
    // written by another clock: `submitted_at` earlier than any submit event
    ["other clock", { status: "accepted", submittedAt: at(-2 * 3600 * SECOND), submits: [at(DAY)] }, "on_time"],
    // sent late without evidence
    ["no evidence", { status: "submitted", submittedAt: at(DAY), submits: [at(DAY)] }, "late"],
    // a draft never sent, even with evidence attached: missing, and not "with evidence"
    ["draft", { status: "draft", submittedAt: null, evidence: 1 }, "missing"],
    // imported without `submitted_at`, sent late by its events and returned since: its events decide
    ["imported", { status: "returned", submittedAt: null, submits: [at(2 * SECOND)], evidence: 1 }, "late"],
  ];
  for (const [index, [, report, status]] of cases.entries()) {
    await addReport(lead, own[index]!, report);
    expectedStatus[own[index]!.indicator_id] = status;
  }
  const [first] = await assignedIndicators(ward);
  await addReport(ward, first!, { status: "submitted", submittedAt: at(-DAY), submits: [at(-DAY)], evidence: 1 });
  const [late] = await assignedIndicators(extended);
  // sent under its extension, after the common deadline: late all the same
  await addReport(extended, late!, { status: "submitted", submittedAt: at(3 * DAY), submits: [at(3 * DAY)] });
  await database.db.insert(periodExtensions).values({ periodId, unitId: extended, deadline: at(6 * DAY), reason: "x" });
  const [gone] = await assignedIndicators(inactive);
  await addReport(inactive, gone!, { status: "submitted", submittedAt: at(-DAY), submits: [at(-DAY)], evidence: 1 });
  await database.db.update(units).set({ isActive: false }).where(eq(units.id, inactive));
});
afterAll(async () => {
  await database?.close();
});

/** The counts as core's rules make them from the slots, and who may be chased. */
async function countedByCore(now: Date, filter: repo.TSlotFilter, reach: repo.TChaseReach) {
  const rows = await repo.listSlots(database.db, periodId, filter);
  const byUnit = new Map<string, { counts: TCompletenessCounts; chaseable: boolean; deadline: string }>();
  const byIndicator = new Map<string, TCompletenessCounts>();
  for (const row of rows) {
    const status = slotStatus(row.first_submitted_at, D);
    const slot = { status, evidenceCount: row.evidence_count, pastDeadline: isPastDeadline(row.deadline, now) };
    const unit = byUnit.get(row.unit_id) ?? { counts: emptyCounts(), chaseable: false, deadline: row.deadline };
    addSlot(unit.counts, slot);
    const mayChase =
      reach.all ||
      (reach.leadUnitIds.includes(row.lead_unit_id ?? "") &&
        row.role === "cooperate" &&
        row.unit_id !== row.lead_unit_id);
    if (status === "missing" && mayChase) unit.chaseable = true;
    byUnit.set(row.unit_id, unit);
    byIndicator.set(row.indicator_id, addSlot(byIndicator.get(row.indicator_id) ?? emptyCounts(), slot));
  }
  return { rows, byUnit, byIndicator };
}

const countsOf = (row: repo.TUnitSummaryRow | repo.TIndicatorSummaryRow): TCompletenessCounts => ({
  expected: row.expected,
  submitted: row.submitted,
  onTime: row.on_time,
  late: row.late,
  missing: row.missing,
  overdue: row.overdue,
  withEvidence: row.with_evidence,
});

describe("the completeness counts in SQL follow core's rules", () => {
  it("sits on the edges: the deadline's last second, a first submission before a resubmission, drafts, evidence", async () => {
    const { rows } = await countedByCore(at(DAY), {}, { all: true, leadUnitIds: [] });
    for (const [indicatorId, status] of Object.entries(expectedStatus)) {
      const row = rows.find((r) => r.unit_id === lead && r.indicator_id === indicatorId)!;
      expect(slotStatus(row.first_submitted_at, D), row.indicator_code).toBe(status);
    }
    expect(rows.some((r) => r.unit_id === inactive)).toBe(false);
  });

  // Who looks (the ids are known once the fixture is made): which slots they see and whose they may chase.
  const views: [string, () => { filter: repo.TSlotFilter; reach: repo.TChaseReach }][] = [
    ["the coordinator (every unit, chases all)", () => ({ filter: {}, reach: { all: true, leadUnitIds: [] } })],
    ["a leader overseeing the province (chases none)", () => ({ filter: {}, reach: { all: false, leadUnitIds: [] } })],
    [
      "the lead agency (its own view)",
      () => ({ filter: { leadUnitId: lead }, reach: { all: false, leadUnitIds: [lead] } }),
    ],
  ];
  for (const [who, viewOf] of views) {
    for (const [when, now] of [
      ["before the deadline", at(-DAY)],
      ["in the deadline's last second", at(500)],
      ["between the deadline and the extension", at(2 * DAY)],
      ["after the extension", at(7 * DAY)],
    ] as const) {
      it(`${who}, ${when}`, async () => {
        const { filter: scoped, reach } = viewOf();
        const core = await countedByCore(now, scoped, reach);
        const summary = await repo.summarizeSlots(database.db, periodId, { now, filter: scoped, chase: reach });

        expect(summary.units.map((u) => u.unit_id)).toEqual([...core.byUnit.keys()]); // by name, as the slots
        for (const unit of summary.units) {
          const expected = core.byUnit.get(unit.unit_id)!;
          expect(countsOf(unit), unit.unit_name).toEqual(expected.counts);
          expect(unit.chaseable, unit.unit_name).toBe(expected.chaseable);
          expect(unit.deadline).toBe(expected.deadline);
        }
        expect(new Set(summary.indicators.map((i) => i.indicator_id))).toEqual(new Set(core.byIndicator.keys()));
        for (const indicator of summary.indicators) {
          expect(countsOf(indicator), indicator.indicator_code).toEqual(core.byIndicator.get(indicator.indicator_id));
        }
      });
    }
  }

  it("counts the edge cases as the page shows them", async () => {
    const now = at(2 * DAY);
    const { units: rows } = await repo.summarizeSlots(database.db, periodId, { now });
    const unit = (id: string) => rows.find((u) => u.unit_id === id);
    const own = countsOf(unit(lead)!);
    expect(own).toMatchObject({ submitted: 6, onTime: 3, late: 3, withEvidence: 4 });
    expect(own.overdue).toBe(own.missing);
    // its extension runs to D + 6 days: its missing reports are not overdue yet, and its report is late all the same
    const north = unit(extended)!;
    expect(north).toMatchObject({ extended: true, late: 1, overdue: 0, deadline: at(6 * DAY).toISOString() });
    expect(north.missing).toBeGreaterThan(0);
    expect(unit(inactive)).toBeUndefined();
    const after = await repo.summarizeSlots(database.db, periodId, { now: at(6 * DAY + 999) });
    expect(after.units.find((u) => u.unit_id === extended)!.overdue).toBe(0); // still its last second
    const past = await repo.summarizeSlots(database.db, periodId, { now: at(6 * DAY + SECOND) });
    const overdue = past.units.find((u) => u.unit_id === extended)!;
    expect(overdue.overdue).toBe(overdue.missing);
  });

  it("lists the chaseable missing reports of the lead agency's cooperating units only", async () => {
    const reach = { all: false, leadUnitIds: [lead] };
    const chaseable = await repo.listChaseableSlots(database.db, periodId, { leadUnitId: lead }, reach);
    const core = await countedByCore(at(DAY), { leadUnitId: lead }, reach);
    const expected = core.rows.filter(
      (r) =>
        slotStatus(r.first_submitted_at, D) === "missing" &&
        r.role === "cooperate" &&
        r.lead_unit_id === lead &&
        r.unit_id !== lead,
    );
    expect(chaseable.map((r) => [r.unit_id, r.indicator_code])).toEqual(
      expected.map((r) => [r.unit_id, r.indicator_code]),
    );
    expect(chaseable.some((r) => r.unit_id === lead)).toBe(false);
    expect(chaseable.some((r) => r.unit_id === ward)).toBe(true);
  });
});
