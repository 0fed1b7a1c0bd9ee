import { can, hasRole, type TActor, type TReportActorContext, type TReportStatus } from "@chiso/core";

export interface TReportAccess {
  unitId: string;
  status: TReportStatus;
  leadUnitId: string | null;
}

/**
 * Who may read a report: its own unit and the coordinator always; reviewers (the lead agency of the
 * indicator, the appraisal council, leadership) once it has left draft. A unit never sees another's draft.
 */
export function canReadReport(actor: TActor, report: TReportAccess): boolean {
  if (hasRole(actor, "coordinator") || actor.unitId === report.unitId) return true;
  if (report.status === "draft") return false;
  return hasRole(actor, "appraiser") || hasRole(actor, "viewer") || actor.unitId === report.leadUnitId;
}

/** The actor's standing on one report, as the workflow rules need it. */
export function reportActorContext(actor: TActor, report: TReportAccess): TReportActorContext {
  return {
    actsForUnit: can.actForUnit(actor, report.unitId),
    leadsIndicator: report.leadUnitId !== null && can.leadUnit(actor, report.leadUnitId),
    isCoordinator: hasRole(actor, "coordinator"),
    isAppraiser: hasRole(actor, "appraiser"),
  };
}
