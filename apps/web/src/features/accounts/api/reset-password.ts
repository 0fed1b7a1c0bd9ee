import type { TIssuedPassword } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountsQuery } from "./list-accounts.ts";

export const resetPassword = (id: string) => api<TIssuedPassword>("POST", `/api/accounts/${id}/reset-password`);

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQuery.queryKey }),
  });
}
