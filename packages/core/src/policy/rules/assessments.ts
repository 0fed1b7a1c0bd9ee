import { coordinates, holdsOver, isMemberOf, oversees, seesScope, type TActor, type TPath } from "../actor.ts";
import type { TScopeRef } from "./scopes.ts";

/** A round as the rules see it: the scope that owns it, its group and whether its results are published. */
export interface TRoundRef extends TScopeRef {
  /** The agencies of the round's group. */
  unitIds: readonly string[];
  published: boolean;
}

/** One agency's sheet in a round. */
export interface TSheetRef {
  scopePath: TPath;
  unitId: string;
}

/** A criterion of a round to appraise: the council members the coordinator gave it to. */
export interface TAppraisalRef {
  scopePath: TPath;
  appraiserIds: readonly string[];
}

export const assessmentRules = {
  /** See that a round exists and its dates: who sees the owning scope, and the agencies of its group. */
  "assessment.view": (actor: TActor, r: TRoundRef) =>
    seesScope(actor, r.scopePath) || r.unitIds.some((unitId) => isMemberOf(actor, unitId)),
  /** Create and run a round (open, extend, assign appraisers, bonus/penalty, publish, correct): its coordinator. */
  "assessment.manage": (actor: TActor, r: TScopeRef) => coordinates(actor, r.scopePath),
  /**
   * The league table of a round: who oversees its scope (coordinator, council, leaders) at any time; the agencies of
   * its group once published. Before publication an agency sees only its own sheet.
   */
  "assessment.results": (actor: TActor, r: TRoundRef) =>
    oversees(actor, r.scopePath) || (r.published && r.unitIds.some((unitId) => isMemberOf(actor, unitId))),
  /** Read one agency's sheet: its own people and who oversees the round's scope; never another agency. */
  "assessment.readSheet": (actor: TActor, s: TSheetRef) => isMemberOf(actor, s.unitId) || oversees(actor, s.scopePath),
  /** Fill in, submit, recall, answer requests: the agency's own people. */
  "assessment.selfAssess": (actor: TActor, s: TSheetRef) => isMemberOf(actor, s.unitId),
  /** Appraise a criterion and ask for explanations: the council members given it, or the round's coordinator. */
  "assessment.appraise": (actor: TActor, a: TAppraisalRef) =>
    coordinates(actor, a.scopePath) ||
    (holdsOver(actor, ["appraiser"], a.scopePath) && a.appraiserIds.includes(actor.id)),
} as const;
