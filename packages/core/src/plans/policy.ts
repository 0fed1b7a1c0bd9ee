import { can, hasRole, type TActor } from "../auth/roles.ts";

/**
 * Who may do what with plans and tasks, shared by the server (which enforces it) and the web (which hides what a
 * user cannot use). Kept beside the plans rather than in auth/roles.ts because the task rule needs the task.
 */
export const planRules = {
  /** Everyone signed in reads plans and their progress. */
  view: (_actor: TActor) => true,
  /** Create, import, edit and delete plans, their targets and tasks: the coordinator. */
  manage: (actor: TActor) => hasRole(actor, "coordinator"),
  /**
   * Post progress on a task: a lead unit's leads and reporters, or the coordinator. Cooperating units, appraisers
   * and viewers read only.
   */
  updateTask: (actor: TActor, task: { leadUnitIds: readonly string[] }) =>
    hasRole(actor, "coordinator") || task.leadUnitIds.some((unitId) => can.actForUnit(actor, unitId)),
} as const;
