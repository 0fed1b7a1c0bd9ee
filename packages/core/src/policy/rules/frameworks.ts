import { coordinates, seesScope, type TActor } from "../actor.ts";
import type { TScopeRef } from "./scopes.ts";

export const frameworkRules = {
  /** Read a scope's frameworks, their assignment and periods. */
  "framework.view": (actor: TActor, owner: TScopeRef) => seesScope(actor, owner.scopePath),
  /** Create, edit, publish, clone, import and assign a scope's frameworks. */
  "framework.edit": (actor: TActor, owner: TScopeRef) => coordinates(actor, owner.scopePath),
  /** Open reporting periods of a scope's frameworks, set deadlines and extensions. */
  "period.manage": (actor: TActor, owner: TScopeRef) => coordinates(actor, owner.scopePath),
} as const;
