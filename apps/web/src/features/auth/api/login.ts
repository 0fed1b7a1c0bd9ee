import type { TLoginRequest, TMe } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { meQuery } from "./get-me.ts";

export const login = (body: TLoginRequest) => api<TMe>("POST", "/api/auth/login", body);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Another user's data must not linger; the session query itself stays observed.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQuery.queryKey[0] });
      queryClient.setQueryData(meQuery.queryKey, me);
    },
  });
}
