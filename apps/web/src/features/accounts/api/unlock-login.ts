import type { TAccount } from "@chiso/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const unlockLogin = (id: string) =>
  api<{ account: TAccount; blocksLifted: number }>("POST", `/api/accounts/${id}/unlock-login`);

/** Lifts the sign-in blocks wrong passwords put on an account (from every address). */
export function useUnlockLogin() {
  return useMutation({ mutationFn: unlockLogin });
}
