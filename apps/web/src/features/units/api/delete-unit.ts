import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitsQuery } from "./list-units.ts";

export const deleteUnit = (id: string) => api<void>("DELETE", `/api/units/${id}`);

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey }),
  });
}
