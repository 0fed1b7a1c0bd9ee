import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitGroupsQuery } from "./list-unit-groups.ts";

export const deleteUnitGroup = (id: string) => api<void>("DELETE", `/api/unit-groups/${id}`);

export function useDeleteUnitGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnitGroup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitGroupsQuery.queryKey }),
  });
}
