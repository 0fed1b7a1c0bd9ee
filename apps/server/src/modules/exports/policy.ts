import { hasRole, type TActor } from "@chiso/core";

/*
 * Who may download what. Exports carry the same data as the screens, so the rules follow the read rules of
 * reports and evidence: the roles that oversee every unit export the province; a unit exports its own.
 */

/** The whole province (all units' reports, the period report, all evidence): coordinator, council, leadership. */
export const canExportProvince = (actor: TActor) =>
  hasRole(actor, "coordinator") || hasRole(actor, "appraiser") || hasRole(actor, "viewer");

/** One unit's reports and evidence: the roles above, or any user of that unit. No unit means the province. */
export const canExportUnit = (actor: TActor, unitId: string | undefined) =>
  canExportProvince(actor) || (unitId !== undefined && actor.unitId === unitId);

/** A plan's tasks and their progress: plans are published documents every unit works from. */
export const canExportPlanTasks = (_actor: TActor) => true;

/**
 * Which reports of an export a user sees, as on screen: a unit's drafts stay with the unit and the coordinator;
 * everything else is there for whoever may export it.
 */
export const canSeeReport = (actor: TActor, report: { status: string; unitId: string }) =>
  hasRole(actor, "coordinator") || report.status !== "draft" || report.unitId === actor.unitId;
