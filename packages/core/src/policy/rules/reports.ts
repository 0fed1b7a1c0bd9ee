import type { TReportActorContext } from "../../reporting/workflow.ts";
import {
  coordinates,
  holdsOver,
  isMemberOf,
  isScopeRole,
  leadsUnit,
  oversees,
  type TActor,
  type TPath,
} from "../actor.ts";

/** A report as the rules see it: whose it is, where it stands, who leads its indicator and whose cycle it is. */
export interface TReportRef {
  unitId: string;
  unitPath: TPath;
  status: string;
  leadUnitId: string | null;
  /** The scope that owns the framework (the cycle). */
  scopePath: TPath;
}

/** Enter values and evidence for a unit: its people, or a coordinator over the unit or the cycle. */
const actsFor = (actor: TActor, r: TReportRef) =>
  isMemberOf(actor, r.unitId) || coordinates(actor, r.unitPath) || coordinates(actor, r.scopePath);

export const reportRules = {
  "report.actFor": actsFor,
  /**
   * Read a report: who acts for its unit always; once it has left draft, the lead agency of the indicator and
   * whoever oversees the cycle. A draft never leaves its unit except to the cycle's coordinator.
   */
  "report.read": (actor: TActor, r: TReportRef) =>
    actsFor(actor, r) || (r.status !== "draft" && (isMemberOf(actor, r.leadUnitId) || oversees(actor, r.scopePath))),
  /**
   * Take the cooperating units' figures into the lead agency's report (accept or override the sums): who acts for
   * that report, and only on the lead agency's own report.
   */
  "report.consolidate": (actor: TActor, r: TReportRef) => r.unitId === r.leadUnitId && actsFor(actor, r),
  /** Accept, return or submit on behalf of the lead agency: the lead agency's leaders. */
  "report.review": (actor: TActor, r: TReportRef) => leadsUnit(actor, r.leadUnitId),
  /** Verify (xác nhận) for the cycle: its coordinator. */
  "report.verify": (actor: TActor, r: TReportRef) => coordinates(actor, r.scopePath),
  /** Appraise: a member of the cycle's council. */
  "report.appraise": (actor: TActor, r: TReportRef) => holdsOver(actor, ["appraiser"], r.scopePath),
  /** Post in a report's thread: who works on it — not leadership, which only reads. */
  "report.comment": (actor: TActor, r: TReportRef) =>
    actsFor(actor, r) ||
    (r.status !== "draft" &&
      (isMemberOf(actor, r.leadUnitId) || holdsOver(actor, ["coordinator", "appraiser"], r.scopePath))),
} as const;

/** The actor's standing on one report, as the workflow rules (core/reporting/workflow) need it. */
export function reportStanding(actor: TActor, r: TReportRef): TReportActorContext {
  return {
    actsForUnit: reportRules["report.actFor"](actor, r),
    leadsIndicator: reportRules["report.review"](actor, r),
    isCoordinator: reportRules["report.verify"](actor, r),
    isAppraiser: reportRules["report.appraise"](actor, r),
  };
}

/**
 * Which reports of a cycle an actor sees, in a form a query can filter on (rule "report.read" said for a whole
 * list): everything that has left draft when it oversees the cycle, and the drafts of the units it acts for.
 */
export interface TReportVisibility {
  /** Oversees the cycle: every report that has left draft. */
  allSubmitted: boolean;
  /** Coordinates the cycle: every draft too. */
  allDrafts: boolean;
  /** Units whose people it is: their reports, drafts included, and the submitted reports on indicators they lead. */
  memberUnitIds: string[];
  /** Roots of the subtrees it coordinates: their units' reports, drafts included. */
  coordinatedRoots: string[];
}

export function reportVisibility(actor: TActor, scopePath: TPath): TReportVisibility {
  return {
    allSubmitted: oversees(actor, scopePath),
    allDrafts: coordinates(actor, scopePath),
    memberUnitIds: actor.grants.filter((g) => !isScopeRole(g.role)).map((g) => g.scopeUnitId!),
    coordinatedRoots: actor.grants
      .filter((g) => g.role === "coordinator" && g.scopePath.length > 0)
      .map((g) => g.scopePath.at(-1)!),
  };
}
