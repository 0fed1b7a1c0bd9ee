import type { TAccountCreate, TIssuedPassword } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitsQuery } from "../../units/api/list-units.ts";
import { accountsQuery } from "./list-accounts.ts";

export const createAccount = (body: TAccountCreate) => api<TIssuedPassword>("POST", "/api/accounts", body);

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountsQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
    },
  });
}
