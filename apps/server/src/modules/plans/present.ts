import {
  can,
  isTaskOverdue,
  nearestSection,
  outlineDepth,
  progressDue,
  sectionLabel,
  type TActor,
  type TIndicatorRef,
  type TOutlineNode,
  type TParsedTimeframe,
  type TTask,
} from "@chiso/core";
import { readAll, type TDbOrTx } from "../../db/client.ts";
import * as repo from "./repo.ts";

type TTaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTaskRow>>>;
type TUnitRef = { id: string; name: string };

/** Everything a list of task rows needs to be shown: units, indicators, last update, the outline of their plans. */
export interface TTaskLookups {
  units: Map<string, { lead: TUnitRef[]; cooperating: TUnitRef[] }>;
  indicators: Map<string, TIndicatorRef[]>;
  lastUpdates: Map<string, string>;
  outline: Map<string, TOutlineNode>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadTaskLookups(db: TDbOrTx, rows: readonly TTaskRow[]): Promise<TTaskLookups> {
  const ids = rows.map((r) => r.id);
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const [unitRows, indicatorRows, updateRows, outlineRows] = await readAll(db, [
    () => repo.listTaskUnits(db, ids),
    () => repo.listTaskIndicators(db, ids),
    () => repo.listLastUpdates(db, ids),
    () => repo.listOutline(db, planIds),
  ]);
  const units = new Map<string, { lead: TUnitRef[]; cooperating: TUnitRef[] }>();
  for (const u of unitRows) {
    const entry = units.get(u.taskId) ?? { lead: [], cooperating: [] };
    (u.role === "lead" ? entry.lead : entry.cooperating).push({ id: u.unitId, name: u.unitName });
    units.set(u.taskId, entry);
  }
  const indicators = new Map<string, TIndicatorRef[]>();
  for (const { taskId, ...indicator } of indicatorRows) push(indicators, taskId, indicator);
  return {
    units,
    indicators,
    lastUpdates: new Map(updateRows.map((u) => [u.taskId, new Date(u.at).toISOString()])),
    outline: new Map(outlineRows.map((o) => [o.id, o])),
  };
}

export const timeframeOf = (row: Pick<TTaskRow, "timeframe">) => (row.timeframe ?? null) as TParsedTimeframe | null;

/** What leaves the server for a task: its units and indicators, where it sits, whether it is late, who may update. */
export function presentTask(row: TTaskRow, lookups: TTaskLookups, actor: TActor, now: Date): TTask {
  const units = lookups.units.get(row.id) ?? { lead: [], cooperating: [] };
  const node = lookups.outline.get(row.id) ?? row;
  const section = nearestSection(node, lookups.outline);
  const timeframe = timeframeOf(row);
  return {
    id: row.id,
    plan: { id: row.planId, code: row.planCode, title: row.planTitle },
    parentId: row.parentId,
    number: row.number,
    isSection: row.isSection,
    depth: outlineDepth(node, lookups.outline),
    sectionLabel: section ? sectionLabel(section, lookups.outline) : null,
    content: row.content,
    leadText: row.leadText,
    cooperatingText: row.cooperatingText,
    outputText: row.outputText,
    timeframeText: row.timeframeText,
    timeframe,
    directingLeader: row.directingLeader,
    budgetAmount: row.budgetAmount,
    budgetSource: row.budgetSource,
    budgetBasis: row.budgetBasis,
    status: row.status,
    percent: row.percent,
    overdue: isTaskOverdue({ isSection: row.isSection, status: row.status, timeframe }, now),
    leadUnits: units.lead,
    cooperatingUnits: units.cooperating,
    indicators: lookups.indicators.get(row.id) ?? [],
    lastUpdateAt: lookups.lastUpdates.get(row.id) ?? null,
    progressReport: progressReportOf(row, lookups.lastUpdates.get(row.id) ?? null, now),
    canUpdate:
      !row.isSection &&
      can(actor, "task.update", { scopePath: row.planOwnerPath, leadUnitIds: units.lead.map((u) => u.id) }),
  };
}

/** A task's standing under its plan's progress-report calendar; none for sections and finished tasks. */
function progressReportOf(row: TTaskRow, lastUpdateAt: string | null, now: Date): TTask["progressReport"] {
  if (!row.planProgressCalendar || row.isSection || row.status === "done") return null;
  const due = progressDue(row.planProgressCalendar, { now, lastUpdateAt, since: row.createdAt });
  return { nextDue: due.nextDue, reported: due.reported, missedDue: due.missedDue };
}
