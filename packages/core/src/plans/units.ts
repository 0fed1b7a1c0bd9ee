import {
  createUnitNameMatcher,
  foldUnitName,
  type TUnitMatchConfidence,
  type TUnitNameCandidate,
} from "../text/unit-names.ts";
import type { TMappedRow } from "./rows.ts";

/** A unit name as written in the imported table, how often it leads or cooperates, and the unit it matched. */
export interface TImportUnitName {
  name: string;
  leadCount: number;
  cooperateCount: number;
  match: { unitId: string; unitName: string; confidence: TUnitMatchConfidence } | null;
}

/** Every distinct unit name of the task rows (first spelling kept), matched against the system's units. */
export function matchImportUnits(rows: readonly TMappedRow[], units: readonly TUnitNameCandidate[]): TImportUnitName[] {
  const match = createUnitNameMatcher(units);
  const byKey = new Map<string, TImportUnitName>();
  const count = (name: string, role: "lead" | "cooperate") => {
    const key = foldUnitName(name);
    let entry = byKey.get(key);
    if (!entry) {
      const found = match(name);
      entry = {
        name,
        leadCount: 0,
        cooperateCount: 0,
        match: found ? { unitId: found.unit.id, unitName: found.unit.name, confidence: found.confidence } : null,
      };
      byKey.set(key, entry);
    }
    if (role === "lead") entry.leadCount++;
    else entry.cooperateCount++;
  };
  for (const row of rows) {
    if (row.kind !== "task") continue;
    for (const name of row.leadNames) count(name, "lead");
    for (const name of row.cooperatingNames) count(name, "cooperate");
  }
  return [...byKey.values()];
}

/**
 * The units of one task once every name is resolved (`resolve` returns a unit id, or null to keep the name as text
 * only). A unit named both as lead and as cooperating stays lead; each unit appears once.
 */
export function resolveTaskUnits(
  row: Pick<TMappedRow, "leadNames" | "cooperatingNames">,
  resolve: (name: string) => string | null,
): { leadUnitIds: string[]; cooperatingUnitIds: string[] } {
  const lead = [...new Set(row.leadNames.map(resolve).filter((id): id is string => id !== null))];
  const cooperating = [
    ...new Set(row.cooperatingNames.map(resolve).filter((id): id is string => id !== null && !lead.includes(id))),
  ];
  return { leadUnitIds: lead, cooperatingUnitIds: cooperating };
}

/**
 * How an import resolves names: the user's choice when given (a unit id, or null = keep as text), else the match.
 * Keys of `choices` are compared like unit names (accents, case and spacing aside).
 */
export function unitResolver(
  names: readonly TImportUnitName[],
  choices: Readonly<Record<string, string | null>>,
): (name: string) => string | null {
  const chosen = new Map(Object.entries(choices).map(([name, id]) => [foldUnitName(name), id]));
  const matched = new Map(names.map((n) => [foldUnitName(n.name), n.match?.unitId ?? null]));
  return (name) => {
    const key = foldUnitName(name);
    return chosen.has(key) ? (chosen.get(key) ?? null) : (matched.get(key) ?? null);
  };
}
