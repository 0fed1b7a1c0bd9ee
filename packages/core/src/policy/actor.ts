// No zod here: the web's first load needs these rules but not the schemas (its zod form, ZRole, is in contracts).
export const ROLES = ["coordinator", "unit_lead", "unit_reporter", "appraiser", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

/**
 * Where something sits in the unit tree: the ids from the top agency down to the unit itself. The province is the
 * root above every agency and has the empty path; an agency's path is `[agency]`, its office's `[agency, office]`.
 */
export type TPath = readonly string[];
export const PROVINCE_PATH: TPath = [];

/** Roles held over a whole scope (the province or an agency's subtree), as opposed to the roles of one unit. */
export const SCOPE_ROLES = ["coordinator", "appraiser", "viewer"] as const satisfies readonly TRole[];
/** Roles of the people of one unit: they act for that unit only. */
export const UNIT_ROLES = ["unit_lead", "unit_reporter"] as const satisfies readonly TRole[];

export const isScopeRole = (role: TRole) => (SCOPE_ROLES as readonly TRole[]).includes(role);

/** A role held in a scope: `scopeUnitId` null is the province; `scopePath` is that unit's path ([] for the province). */
export interface TGrant {
  role: TRole;
  scopeUnitId: string | null;
  scopePath: TPath;
}

/** The acting user as every rule sees it: the unit they belong to and every role they hold, each in its scope. */
export interface TActor {
  id: string;
  unitId: string;
  grants: readonly TGrant[];
}

/** Whether `path` lies inside the subtree whose root has `scopePath` (everything lies inside the province). */
export function isWithin(path: TPath, scopePath: TPath): boolean {
  if (scopePath.length === 0) return true;
  return path.includes(scopePath[scopePath.length - 1]!);
}

/** The path of the scope directly above a unit: its parent's path, the province for an agency. */
export const parentPath = (path: TPath): TPath => path.slice(0, -1);

/** Holds one of `roles` in a scope that contains `path`. */
export function holdsOver(actor: TActor, roles: readonly TRole[], path: TPath): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && isWithin(path, g.scopePath));
}

/** Is a lead or reporter of this very unit. */
export function isMemberOf(actor: TActor, unitId: string | null): boolean {
  return unitId !== null && actor.grants.some((g) => g.scopeUnitId === unitId && !isScopeRole(g.role));
}

/** Is a lead (lãnh đạo) of this very unit. */
export function leadsUnit(actor: TActor, unitId: string | null): boolean {
  return unitId !== null && actor.grants.some((g) => g.role === "unit_lead" && g.scopeUnitId === unitId);
}

/** The units an actor leads (`leadsUnit` as a list, for queries that filter by it). */
export function unitsLed(actor: TActor): string[] {
  return actor.grants.flatMap((g) => (g.role === "unit_lead" && g.scopeUnitId !== null ? [g.scopeUnitId] : []));
}

/** The roles an actor holds anywhere, for labels and home pages; never for a permission. */
export function rolesHeld(actor: Pick<TActor, "grants">): TRole[] {
  return ROLES.filter((role) => actor.grants.some((g) => g.role === role));
}

/** Coordinates (quản trị) a scope containing `path`. */
export const coordinates = (actor: TActor, path: TPath) => holdsOver(actor, ["coordinator"], path);

/** Oversees a scope containing `path`: its coordinator, council member or leader (viewer). */
export const oversees = (actor: TActor, path: TPath) => holdsOver(actor, SCOPE_ROLES, path);

/**
 * Takes part in the cycles a scope owns: whoever holds a role in an agency or one of its offices takes part in the
 * agency's cycles; whoever holds a role in an agency itself (not in its offices) also in the province's.
 */
export function takesPartIn(actor: TActor, scopePath: TPath): boolean {
  return actor.grants.some((g) =>
    scopePath.length === 0 ? g.scopePath.length === 1 : isWithin(g.scopePath, scopePath),
  );
}

/** Sees what a scope owns (dashboards, rankings, frameworks, periods, plans): who oversees it or takes part. */
export const seesScope = (actor: TActor, scopePath: TPath) =>
  oversees(actor, scopePath) || takesPartIn(actor, scopePath);

/** How a scope's name reads when the scope is the whole province. */
export const PROVINCE_SCOPE_NAME = "Toàn tỉnh";

/**
 * The scopes whose own things (frameworks, periods, plans, dashboards) an actor sees, in a form a query can filter
 * on: everything, or the roots of the subtrees it oversees plus the scopes its units take part in.
 */
export type TVisibleScopes =
  | { all: true }
  | { all: false; province: boolean; subtreeRoots: string[]; scopeIds: string[] };

export function visibleScopes(actor: TActor): TVisibleScopes {
  const overseen = actor.grants.filter((g) => isScopeRole(g.role));
  if (overseen.some((g) => g.scopePath.length === 0)) return { all: true };
  return {
    all: false,
    province: actor.grants.some((g) => g.scopePath.length === 1),
    subtreeRoots: overseen.map((g) => g.scopePath.at(-1)!),
    scopeIds: [...new Set(actor.grants.flatMap((g) => g.scopePath))],
  };
}

/** The roots of the subtrees in which an actor holds one of `roles` (`[]` among them means the whole province). */
export function scopesWhere(actor: TActor, roles: readonly TRole[]): TPath[] {
  return actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.scopePath);
}

/** Works for a unit (lead or reporter somewhere): such users start from their to-do list. */
export const holdsUnitRole = (actor: Pick<TActor, "grants">) => actor.grants.some((g) => !isScopeRole(g.role));

/**
 * The owner a new framework or plan gets when the request names none: the province for the province's
 * coordinator, else the agency the actor coordinates (null — the province — when it coordinates nothing).
 */
export function defaultOwnerUnitId(actor: TActor, given: string | null | undefined): string | null {
  if (given !== undefined) return given;
  if (coordinates(actor, PROVINCE_PATH)) return null;
  return actor.grants.find((g) => g.role === "coordinator")?.scopeUnitId ?? null;
}
