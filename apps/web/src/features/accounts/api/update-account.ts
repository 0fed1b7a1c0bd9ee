import type { TAccount, TAccountUpdate } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { accountsQuery } from "./list-accounts.ts";

export const updateAccount = ({ id, ...body }: TAccountUpdate & { id: string }) =>
  api<TAccount>("PATCH", `/api/accounts/${id}`, body);

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQuery.queryKey }),
  });
}
