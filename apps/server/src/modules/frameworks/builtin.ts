import {
  DTI_PROVINCE_2025,
  findUnitGroup,
  type TBuiltinFramework,
  type TBuiltinIndicator,
  type TUnitGroup,
  type TUnitKind,
  type TUnitRef,
  UNIT_GROUP_NAMES,
  UNIT_KIND_LABELS,
} from "@chiso/core";
import type { TDb, TDbOrTx } from "../../db/client.ts";
import * as repo from "./repo.ts";

/** Frameworks every install needs, whatever its units: inserted once, kept by code. */
export const BUILTIN_FRAMEWORKS: readonly TBuiltinFramework[] = [DTI_PROVINCE_2025];

export async function installBuiltinFrameworks(db: TDb): Promise<void> {
  for (const framework of BUILTIN_FRAMEWORKS) {
    await db.transaction(async (tx) => {
      if (await repo.findFrameworkByCode(tx, framework.code)) return;
      const frameworkId = await repo.insertFramework(tx, {
        code: framework.code,
        name: framework.name,
        year: framework.year,
        level: framework.level,
        legalBasis: framework.legalBasis,
        deadlineRules: framework.deadlineRules,
        status: "published",
        builtin: true,
        publishedAt: new Date(),
      });
      await insertTree(tx, frameworkId, null, framework.indicators, { next: 0 });
    });
  }
}

async function insertTree(
  tx: TDbOrTx,
  frameworkId: string,
  parentId: string | null,
  nodes: readonly TBuiltinIndicator[],
  order: { next: number },
) {
  for (const node of nodes) {
    const isLeaf = !node.children?.length;
    const id = await repo.insertIndicator(tx, {
      frameworkId,
      parentId,
      code: node.code,
      name: node.name,
      sortOrder: order.next++,
      maxScore: node.maxScore,
      valueKind: isLeaf ? (node.valueKind ?? "number") : null,
      inputs: node.inputs ?? [],
      rule: isLeaf ? (node.rule ?? { type: "manual" }) : null,
      evidenceRequired: isLeaf && node.maxScore > 0,
      leadText: node.lead ?? null,
      cooperatingText: node.cooperatingText ?? null,
    });
    if (!isLeaf) await insertTree(tx, frameworkId, id, node.children!, order);
  }
}

interface TUnitForAssignment {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
}

const GROUP_KINDS: Record<TUnitGroup, TUnitKind> = {
  departments: "department",
  communes: "commune",
  telecoms: "enterprise",
};

/**
 * Assigns a built-in framework as its plan prints it: the named lead agency, and cooperating agencies by
 * name or by group — a named group the province keeps ("Sở, ban, ngành", edited by the coordinator) first, else
 * the fixed unit kind ("Các sở, ban, ngành" → every top-level department). Names the province does not have
 * are returned so the coordinator can create or map them.
 */
export async function assignBuiltinFramework(
  tx: TDbOrTx,
  frameworkId: string,
  framework: TBuiltinFramework,
  units: readonly TUnitForAssignment[],
  namedGroups: readonly { name: string; members: readonly { id: string }[] }[] = [],
): Promise<{ unmatched: string[] }> {
  const ids = new Map((await repo.listIndicators(tx, frameworkId)).map((i) => [i.code, i.id]));
  const unmatched = new Set<string>();
  const byName = (name: string) => {
    const unit = units.find((u) => u.name === name || u.shortName === name);
    if (!unit) unmatched.add(name);
    return unit;
  };
  const resolve = (ref: TUnitRef): { id: string }[] => {
    if ("unit" in ref) return [byName(ref.unit)].filter((u) => u !== undefined);
    // the plan's wording ("Các địa phương") or the kind's own name ("Xã, phường, đặc khu")
    const named =
      findUnitGroup(UNIT_GROUP_NAMES[ref.group], namedGroups) ??
      findUnitGroup(UNIT_KIND_LABELS[GROUP_KINDS[ref.group]].vi, namedGroups);
    return named ? [...named.members] : units.filter((u) => u.kind === GROUP_KINDS[ref.group] && u.parentId === null);
  };

  const rows: { frameworkId: string; indicatorId: string; unitId: string; role: "lead" | "cooperate" }[] = [];
  for (const indicator of framework.indicators.flatMap((m) => m.children ?? [])) {
    const indicatorId = ids.get(indicator.code);
    if (!indicatorId) continue;
    const lead = indicator.lead ? byName(indicator.lead) : undefined;
    if (lead) rows.push({ frameworkId, indicatorId, unitId: lead.id, role: "lead" });
    const cooperating = new Set((indicator.cooperating ?? []).flatMap(resolve).map((u) => u.id));
    for (const unitId of cooperating) {
      if (unitId !== lead?.id) rows.push({ frameworkId, indicatorId, unitId, role: "cooperate" });
    }
  }
  await repo.insertAssignments(tx, rows);
  return { unmatched: [...unmatched] };
}
