import {
  coordinates,
  isMemberOf,
  oversees,
  parentPath,
  seesScope,
  type TActor,
  type TPath,
  takesPartIn,
} from "../actor.ts";

/** A unit, by its place in the tree (its own id last). */
export interface TUnitInTree {
  unitPath: TPath;
}

export const unitRules = {
  /** A unit's name and place: who oversees it, its own people, and the people taking part in its parent's cycles. */
  "unit.view": (actor: TActor, unit: TUnitInTree) =>
    oversees(actor, unit.unitPath) ||
    takesPartIn(actor, parentPath(unit.unitPath)) ||
    isMemberOf(actor, unit.unitPath.at(-1) ?? null),
  /**
   * Create a unit under a parent, rename, move or deactivate it: the coordinator of a scope manages the units
   * strictly below its root (a department's coordinator its offices, not the department itself).
   */
  "unit.manage": (actor: TActor, unit: TUnitInTree) => coordinates(actor, parentPath(unit.unitPath)),
  /** Accounts of a unit's people: the coordinator of a scope containing the unit. */
  "account.manage": (actor: TActor, unit: TUnitInTree) => coordinates(actor, unit.unitPath),
  /** Give someone a role over a scope: only inside a scope one coordinates oneself. */
  "account.grant": (actor: TActor, scope: TUnitInTree) => coordinates(actor, scope.unitPath),
  /**
   * A scope's named groups of units ("Sở, ban, ngành"): seen by whoever sees the scope's frameworks they assign,
   * kept by the scope's coordinator (the resource is the owning scope).
   */
  "unitGroup.view": (actor: TActor, owner: { scopePath: TPath }) => seesScope(actor, owner.scopePath),
  "unitGroup.manage": (actor: TActor, owner: { scopePath: TPath }) => coordinates(actor, owner.scopePath),
} as const;
