import type { TChangePasswordRequest } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { meQuery } from "./get-me.ts";

export const changePassword = (body: TChangePasswordRequest) =>
  api<{ ok: true }>("POST", "/api/auth/change-password", body);

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}
