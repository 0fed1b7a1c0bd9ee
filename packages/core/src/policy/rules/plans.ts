import { coordinates, isMemberOf, seesScope, type TActor } from "../actor.ts";
import type { TScopeRef } from "./scopes.ts";

/** A task as the rules see it: whose plan and which units lead it. */
export interface TTaskRef extends TScopeRef {
  leadUnitIds: readonly string[];
}

export const planRules = {
  /** Read a scope's plans, tasks and progress. */
  "plan.view": (actor: TActor, owner: TScopeRef) => seesScope(actor, owner.scopePath),
  /** Create, import, edit and delete a scope's plans, targets and tasks. */
  "plan.manage": (actor: TActor, owner: TScopeRef) => coordinates(actor, owner.scopePath),
  /**
   * Record a review meeting of a scope's plan (hội nghị sơ kết) and turn its conclusions into tasks: the scope's
   * coordinator, who holds the meeting for the steering committee.
   */
  "plan.recordReview": (actor: TActor, owner: TScopeRef) => coordinates(actor, owner.scopePath),
  /** Post progress on a task: its lead units' people, or the plan's coordinator. */
  "task.update": (actor: TActor, task: TTaskRef) =>
    coordinates(actor, task.scopePath) || task.leadUnitIds.some((unitId) => isMemberOf(actor, unitId)),
} as const;
