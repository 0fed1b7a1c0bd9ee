import { z } from "zod";

export const ROLES = ["coordinator", "unit_lead", "unit_reporter", "appraiser", "viewer"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** The acting user as every rule sees it. */
export interface TActor {
  id: string;
  unitId: string;
  roles: readonly TRole[];
}

/**
 * Permissions as small named rules, shared by the server (which enforces them) and the web (which only
 * hides what a user cannot use). Unit-scoped rules take the unit the data belongs to.
 */
export const can = {
  manageUnits: (actor: TActor) => hasRole(actor, "coordinator"),
  manageAccounts: (actor: TActor) => hasRole(actor, "coordinator"),
  viewAuditLog: (actor: TActor) => hasRole(actor, "coordinator"),
  viewUnits: (_actor: TActor) => true,
  viewFrameworks: (_actor: TActor) => true,
  editFrameworks: (actor: TActor) => hasRole(actor, "coordinator"),
  managePeriods: (actor: TActor) => hasRole(actor, "coordinator"),
  manageSettings: (actor: TActor) => hasRole(actor, "coordinator"),
  manageOfficialResults: (actor: TActor) => hasRole(actor, "coordinator"),
  /** Act for a unit: enter values and evidence, see its drafts. */
  actForUnit: (actor: TActor, unitId: string) =>
    hasRole(actor, "coordinator") ||
    (actor.unitId === unitId && (hasRole(actor, "unit_lead") || hasRole(actor, "unit_reporter"))),
  /** Accept, return or submit on behalf of a unit: only its lead. */
  leadUnit: (actor: TActor, unitId: string) => actor.unitId === unitId && hasRole(actor, "unit_lead"),
  appraise: (actor: TActor) => hasRole(actor, "appraiser"),
  viewDashboard: (_actor: TActor) => true,
  /** Completeness and timeliness of a period (a unit lead sees its own unit and the indicators it leads). */
  viewCompleteness: (actor: TActor) =>
    (["coordinator", "unit_lead", "appraiser", "viewer"] as const).some((role) => hasRole(actor, role)),
  /** "Đôn đốc ngay": the coordinator chases every unit, a lead agency its cooperating units (scope in the service). */
  chaseUnits: (actor: TActor) => hasRole(actor, "coordinator") || hasRole(actor, "unit_lead"),
} as const;

export type TPermission = keyof typeof can;

export function hasRole(actor: Pick<TActor, "roles">, role: TRole): boolean {
  return actor.roles.includes(role);
}
