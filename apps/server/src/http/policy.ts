import { can, REFUSALS, type TAction, type TActor, type TResourceOf } from "@chiso/core";
import { AppError } from "./errors.ts";

/** Services ask the same policy once they have loaded the resource; a refusal says what was refused. */
export function ensureCan<A extends TAction>(actor: TActor, action: A, resource: TResourceOf<A>): void {
  if (!can(actor, action, resource)) throw new AppError("FORBIDDEN", REFUSALS[action]);
}
