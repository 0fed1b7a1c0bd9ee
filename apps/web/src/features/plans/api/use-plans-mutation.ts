import { useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * Any change to a plan or a task can move the plan's progress, its list entry and the units' task lists:
 * everything under "plans" and "tasks" is refreshed.
 */
export function usePlansMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["plans"] }),
        queryClient.invalidateQueries({ queryKey: ["tasks"] }),
      ]),
  });
}
