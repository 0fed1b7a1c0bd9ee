import type { TAssignedUnit, TIndicator } from "@chiso/core";
import type { indicators } from "../../db/schema.ts";
import type { findFramework } from "./repo.ts";

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
  };
}
