import { can, hasRole, type TActor } from "@chiso/core";

/** The part of a document the rules look at. */
export interface TDocumentOwner {
  unitId: string;
}

/** Roles that oversee every unit and so may see any unit's evidence. */
const seesAllUnits = (actor: TActor) =>
  hasRole(actor, "coordinator") || hasRole(actor, "appraiser") || hasRole(actor, "viewer");

/** Upload at all (checked before the file is received): the coordinator, or a unit's reporters and leads. */
export const canUploadDocuments = (actor: TActor) => can.actForUnit(actor, actor.unitId);

/** Upload for, edit or delete the documents of a unit. */
export const canManageUnitDocuments = (actor: TActor, unitId: string) => can.actForUnit(actor, unitId);

export const canListUnitDocuments = (actor: TActor, unitId: string) => actor.unitId === unitId || seesAllUnits(actor);

/**
 * Read a document's metadata and content: any user of the owning unit, the coordinator, appraisers and viewers.
 * A lead agency reviewing a report that cites it may read it too (checked against the database in the service).
 */
export function canReadDocument(actor: TActor, document: TDocumentOwner): boolean {
  return canListUnitDocuments(actor, document.unitId);
}

export const canEditDocument = (actor: TActor, document: TDocumentOwner) =>
  canManageUnitDocuments(actor, document.unitId);
