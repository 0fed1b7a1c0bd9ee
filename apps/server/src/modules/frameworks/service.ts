import type { TAssignedUnit, TFrameworkDetail } from "@chiso/core";
import type { TDbOrTx } from "../../db/client.ts";
import { notFound } from "../../http/errors.ts";
import { presentFramework, presentIndicator } from "./present.ts";
import * as repo from "./repo.ts";

/** A framework with its indicators (flat, ordered) and each indicator's lead and cooperating units. */
export async function getFrameworkDetail(db: TDbOrTx, id: string): Promise<TFrameworkDetail> {
  const framework = await repo.findFramework(db, id);
  if (!framework) throw notFound("bộ chỉ số");
  const [indicators, assignments] = await Promise.all([repo.listIndicators(db, id), repo.listAssignments(db, id)]);
  const leads = new Map<string, TAssignedUnit>();
  const cooperating = new Map<string, TAssignedUnit[]>();
  for (const a of assignments) {
    const unit = { unitId: a.unitId, unitName: a.unitName, shortName: a.shortName };
    if (a.role === "lead") leads.set(a.indicatorId, unit);
    else cooperating.set(a.indicatorId, [...(cooperating.get(a.indicatorId) ?? []), unit]);
  }
  return {
    ...presentFramework(framework),
    indicators: indicators.map((i) => presentIndicator(i, leads.get(i.id) ?? null, cooperating.get(i.id) ?? [])),
  };
}
