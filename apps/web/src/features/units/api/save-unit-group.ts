import type { TNamedUnitGroup, TUnitGroupInput } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitGroupsQuery } from "./list-unit-groups.ts";

/** Creates when no id is given, replaces the name and members otherwise. */
export const saveUnitGroup = ({ id, ...body }: TUnitGroupInput & { id?: string }) =>
  id
    ? api<TNamedUnitGroup>("PUT", `/api/unit-groups/${id}`, body)
    : api<TNamedUnitGroup>("POST", "/api/unit-groups", body);

export function useSaveUnitGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveUnitGroup,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitGroupsQuery.queryKey }),
  });
}
