import {
  coordinates,
  oversees,
  PROVINCE_PATH,
  scopesWhere,
  seesScope,
  type TActor,
  type TPath,
  takesPartIn,
} from "../actor.ts";

/** What a scope owns as a whole: its dashboards, rankings, completeness, exports, chasing and audit log. */
export interface TScopeRef {
  scopePath: TPath;
}

/** Leads a unit taking part in a scope's cycles. */
const leadsInScope = (actor: TActor, scopePath: TPath) =>
  takesPartIn({ ...actor, grants: actor.grants.filter((g) => g.role === "unit_lead") }, scopePath);

export const scopeRules = {
  /** Dashboard, unit ranking, heatmap and official results of a scope. */
  "dashboard.view": (actor: TActor, scope: TScopeRef) => seesScope(actor, scope.scopePath),
  /** The province's name and targets, and the published national results: public to every signed-in user. */
  "settings.view": (actor: TActor, _scope: TScopeRef) => actor.grants.length > 0,
  /** Province targets and the official national results: the province's coordinator. */
  "settings.manage": (actor: TActor, _scope: TScopeRef) => coordinates(actor, PROVINCE_PATH),
  /** Completeness of a scope's period: who oversees the scope, and lead agencies (their own part: filtered in SQL). */
  "completeness.view": (actor: TActor, scope: TScopeRef) =>
    oversees(actor, scope.scopePath) || leadsInScope(actor, scope.scopePath),
  /** Chase units of a scope's period: its coordinator any unit; a lead agency's leaders their cooperating units. */
  "completeness.chase": (actor: TActor, scope: TScopeRef) =>
    coordinates(actor, scope.scopePath) || leadsInScope(actor, scope.scopePath),
  /** Chase every unit of a scope's period ("Đôn đốc ngay"); a lead agency chases its cooperating units (in SQL). */
  "completeness.chaseAll": (actor: TActor, scope: TScopeRef) => coordinates(actor, scope.scopePath),
  /** Everything of a scope's period in one file (all units' reports, the Word report, all evidence). */
  "export.scope": (actor: TActor, scope: TScopeRef) => oversees(actor, scope.scopePath),
  /** Who changed what inside a scope. */
  "audit.view": (actor: TActor, scope: TScopeRef) => coordinates(actor, scope.scopePath),
} as const;

/**
 * The scopes whose audit log an actor reads (rule "audit.view" said for a whole list): the log of a scope is the
 * changes made by users of its units, so the list is filtered by the acting user's unit in these subtrees.
 */
export function auditScopes(actor: TActor): TPath[] {
  return scopesWhere(actor, ["coordinator"]);
}
