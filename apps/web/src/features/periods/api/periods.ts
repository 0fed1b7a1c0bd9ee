import type { TExtensionCreate, TPeriod, TPeriodCreate, TPeriodUpdate } from "@chiso/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listPeriods = () => api<TPeriod[]>("GET", "/api/periods");
export const periodsQuery = queryOptions({ queryKey: ["periods"], queryFn: listPeriods });
export const usePeriods = () => useQuery(periodsQuery);

function usePeriodMutation<TInput>(mutationFn: (input: TInput) => Promise<TPeriod>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: periodsQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: ["worklist"] });
    },
  });
}

export const useOpenPeriod = () =>
  usePeriodMutation((body: TPeriodCreate) => api<TPeriod>("POST", "/api/periods", body));
export const useUpdatePeriod = () =>
  usePeriodMutation(({ id, ...body }: TPeriodUpdate & { id: string }) =>
    api<TPeriod>("PATCH", `/api/periods/${id}`, body),
  );
export const useGrantExtension = () =>
  usePeriodMutation(({ periodId, ...body }: TExtensionCreate & { periodId: string }) =>
    api<TPeriod>("POST", `/api/periods/${periodId}/extensions`, body),
  );
