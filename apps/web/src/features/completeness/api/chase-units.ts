import type { TChaseRequest, TChaseResult } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const chaseUnits = (body: TChaseRequest) => api<TChaseResult>("POST", "/api/completeness/chase", body);

export function useChaseUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chaseUnits,
    onSuccess: (_result, input) => {
      void queryClient.invalidateQueries({ queryKey: ["completeness", input.periodId] });
      // the chaser's own unit may be among the chased (the coordinator acting for everyone)
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
}
