import { coordinates, isMemberOf, oversees, type TActor, type TPath } from "../actor.ts";

/** An evidence document, by the unit that owns it. */
export interface TDocumentRef {
  unitId: string;
  unitPath: TPath;
}

export const documentRules = {
  /**
   * Read a document and list a unit's documents: the unit's people and whoever oversees a scope containing it. A
   * lead agency reviewing a report that cites it may read it too (checked against the database in the service).
   */
  "document.read": (actor: TActor, d: TDocumentRef) => isMemberOf(actor, d.unitId) || oversees(actor, d.unitPath),
  /** Upload for, edit or delete a unit's documents: its people, or a coordinator over it. */
  "document.manage": (actor: TActor, d: TDocumentRef) => isMemberOf(actor, d.unitId) || coordinates(actor, d.unitPath),
} as const;
