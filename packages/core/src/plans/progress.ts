import { z } from "zod";
import { isOverdue, type TParsedTimeframe } from "../calendar/timeframe.ts";
import type { TInstantInput } from "../calendar/zone.ts";
import { foldVietnamese } from "../text/fold.ts";

export const TASK_STATUSES = ["not_started", "in_progress", "done", "late"] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

export const TASK_STATUS_LABELS: Record<TTaskStatus, { vi: string; en: string }> = {
  not_started: { vi: "Chưa bắt đầu", en: "Not started" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  done: { vi: "Hoàn thành", en: "Done" },
  late: { vi: "Chậm tiến độ", en: "Behind schedule" },
};

/** What progress needs of a task. */
export interface TProgressTask extends TOutlineNode {
  id: string;
  parentId: string | null;
  isSection: boolean;
  number: string | null;
  content: string;
  status: TTaskStatus;
  percent: number;
  timeframe: TParsedTimeframe | null;
  leadUnits: readonly { id: string; name: string }[];
  leadText: string | null;
}

export interface TProgressGroup {
  key: string;
  label: string;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** Reported by the unit as chậm tiến độ. */
  late: number;
  /** Past the end of its timeframe (Vietnam's calendar) and not done, whatever the unit reported. */
  overdue: number;
  /** Average completion of the group's tasks, 0–100, a done task counting 100. */
  percent: number;
}

/**
 * Overdue = the parsed timeframe ended before today in Vietnam and the task is not done. Recurring ("Năm 2025 và các
 * năm tiếp theo"), ongoing ("Thường xuyên") and unreadable timeframes are never overdue: there is no date to miss.
 */
export function isTaskOverdue(
  task: Pick<TProgressTask, "isSection" | "status" | "timeframe">,
  now: TInstantInput,
): boolean {
  return !task.isSection && task.status !== "done" && task.timeframe !== null && isOverdue(task.timeframe, now);
}

function emptyGroup(key: string, label: string): TProgressGroup {
  return { key, label, total: 0, done: 0, inProgress: 0, notStarted: 0, late: 0, overdue: 0, percent: 0 };
}

function add(group: TProgressGroup, task: TProgressTask, now: TInstantInput): void {
  const percent = task.status === "done" ? 100 : task.percent;
  group.percent = (group.percent * group.total + percent) / (group.total + 1);
  group.total++;
  if (task.status === "done") group.done++;
  else if (task.status === "in_progress") group.inProgress++;
  else if (task.status === "late") group.late++;
  else group.notStarted++;
  if (isTaskOverdue(task, now)) group.overdue++;
}

function rounded(groups: Iterable<TProgressGroup>): TProgressGroup[] {
  return [...groups].map((g) => ({ ...g, percent: Math.round(g.percent * 10) / 10 }));
}

/** The whole plan in one group. */
export function summarizeProgress(tasks: readonly TProgressTask[], now: TInstantInput): TProgressGroup {
  const group = emptyGroup("all", "");
  for (const task of tasks) if (!task.isSection) add(group, task, now);
  return rounded([group])[0]!;
}

/** What naming a task's sections needs of each row of a plan. */
export interface TOutlineNode {
  id: string;
  parentId: string | null;
  isSection: boolean;
  number: string | null;
  content: string;
}

/** The nearest section heading above a row, or null. */
export function nearestSection<T extends TOutlineNode>(node: T, byId: ReadonlyMap<string, T>): T | null {
  let parent = node.parentId ? byId.get(node.parentId) : undefined;
  while (parent && !parent.isSection) parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  return parent ?? null;
}

/** A section named with the numbers of the sections above it: "II.1 Nhận thức số". */
export function sectionLabel<T extends TOutlineNode>(section: T, byId: ReadonlyMap<string, T>): string {
  const numbers: string[] = [];
  for (let s: T | null = section; s; s = nearestSection(s, byId)) if (s.number) numbers.unshift(s.number);
  // "2.1" under "2" already carries its parent's number: I › 2 › 2.1 reads "I.2.1", not "I.2.2.1".
  const path = numbers.reduce<string[]>((parts, number) => {
    const last = parts[parts.length - 1];
    if (last && number.startsWith(`${last}.`)) parts[parts.length - 1] = number;
    else parts.push(number);
    return parts;
  }, []);
  return `${path.join(".")} ${section.content}`.trim();
}

/** How deep a row sits in its plan (0 at the top). */
export function outlineDepth<T extends TOutlineNode>(node: T, byId: ReadonlyMap<string, T>): number {
  let depth = 0;
  for (
    let p = node.parentId ? byId.get(node.parentId) : undefined;
    p && depth < 50;
    p = p.parentId ? byId.get(p.parentId) : undefined
  )
    depth++;
  return depth;
}

/**
 * Progress per section: each task counts in its nearest section heading ("II.1 Phòng Kế hoạch Tài chính Tổng hợp"),
 * labelled with the numbers of the sections above it; tasks outside any section share one group. In plan order.
 */
export function progressBySection(tasks: readonly TProgressTask[], now: TInstantInput): TProgressGroup[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const groups = new Map<string, TProgressGroup>();
  for (const task of tasks) {
    if (task.isSection) continue;
    const section = nearestSection(task, byId);
    const key = section?.id ?? "none";
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup(key, section ? sectionLabel(section, byId) : "Không thuộc mục nào");
      groups.set(key, group);
    }
    add(group, task, now);
  }
  return rounded(groups.values());
}

/**
 * Progress per lead unit: a task counts for each unit that leads it; a lead written only as text (not matched to a
 * unit) is grouped by that text, and tasks with no lead at all share one group.
 */
export function progressByUnit(tasks: readonly TProgressTask[], now: TInstantInput): TProgressGroup[] {
  const groups = new Map<string, TProgressGroup>();
  const count = (key: string, label: string, task: TProgressTask) => {
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup(key, label);
      groups.set(key, group);
    }
    add(group, task, now);
  };
  for (const task of tasks) {
    if (task.isSection) continue;
    if (task.leadUnits.length > 0) for (const unit of task.leadUnits) count(unit.id, unit.name, task);
    else if (task.leadText) {
      // "PKHTCTH (Tiền)" and "PKHTCTH (Tiền, Mai Lan)" are one office with different people noted.
      const label = task.leadText.replace(/\s*\([^()]*\)/g, "").trim() || task.leadText;
      count(`text:${foldVietnamese(label)}`, label, task);
    } else count("none", "Chưa có đơn vị chủ trì", task);
  }
  return rounded(groups.values()).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "vi"));
}
