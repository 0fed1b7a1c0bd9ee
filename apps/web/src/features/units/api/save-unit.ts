import type { TUnit, TUnitCreate, TUnitUpdate } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitsQuery } from "./list-units.ts";

export const createUnit = (body: TUnitCreate) => api<TUnit>("POST", "/api/units", body);
export const updateUnit = ({ id, ...body }: TUnitUpdate & { id: string }) =>
  api<TUnit>("PATCH", `/api/units/${id}`, body);

/** Creates when no id is given, updates otherwise. */
export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUnitUpdate & { id?: string }) =>
      input.id ? updateUnit({ ...input, id: input.id }) : createUnit(input as TUnitCreate),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey }),
  });
}
