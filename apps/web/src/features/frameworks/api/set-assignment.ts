import type { TAssignmentUpdate, TFrameworkDetail } from "@chiso/core";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { indicatorAssignmentQuery } from "./get-indicator-assignment.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export const setAssignment = ({ indicatorId, ...body }: TAssignmentUpdate & { indicatorId: string }) =>
  api<TFrameworkDetail>("PUT", `/api/indicators/${indicatorId}/assignment`, body);

/** Saves one indicator's whole assignment; the row's full list, if it was loaded, is read again next time. */
export function useSetAssignment() {
  const queryClient = useQueryClient();
  return useFrameworkMutation(async (input: TAssignmentUpdate & { indicatorId: string }) => {
    const detail = await setAssignment(input);
    await queryClient.invalidateQueries({ queryKey: indicatorAssignmentQuery(detail.id, input.indicatorId).queryKey });
    return detail;
  });
}
