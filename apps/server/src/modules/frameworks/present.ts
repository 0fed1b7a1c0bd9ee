import type { TAssignedUnit, TIndicator, TIndicatorAssignment } from "@chiso/core";
import type { indicators } from "../../db/schema.ts";
import type { findFramework, listIndicatorAssignments } from "./repo.ts";

type TFrameworkRow = NonNullable<Awaited<ReturnType<typeof findFramework>>>;

export function presentFramework(row: TFrameworkRow) {
  return { ...row, maxTotal: Number(row.maxTotal) };
}

export function presentIndicator(
  row: typeof indicators.$inferSelect,
  lead: TAssignedUnit | null,
  cooperating: TAssignedUnit[],
): TIndicator {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    sortOrder: row.sortOrder,
    maxScore: Number(row.maxScore),
    valueKind: row.valueKind,
    inputs: row.inputs,
    rule: row.rule,
    unitOfMeasure: row.unitOfMeasure,
    evidenceText: row.evidenceText,
    evidenceRequired: row.evidenceRequired,
    guidance: row.guidance,
    dataSource: row.dataSource,
    autoMeasured: row.autoMeasured,
    leadText: row.leadText,
    cooperatingText: row.cooperatingText,
    lead,
    cooperating,
    cooperatingCount: cooperating.length,
  };
}

/** One indicator's assignment rows (ordered by name) as its lead and cooperating units. */
export function presentAssignment(
  indicatorId: string,
  rows: Awaited<ReturnType<typeof listIndicatorAssignments>>,
): TIndicatorAssignment {
  const unit = (r: (typeof rows)[number]) => ({ unitId: r.unitId, unitName: r.unitName, shortName: r.shortName });
  const lead = rows.find((r) => r.role === "lead");
  return {
    indicatorId,
    lead: lead ? unit(lead) : null,
    cooperating: rows.filter((r) => r.role !== "lead").map(unit),
  };
}
