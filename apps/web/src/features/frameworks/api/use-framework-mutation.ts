import type { TFrameworkDetail } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { frameworkQuery } from "./get-framework.ts";
import { frameworksQuery } from "./list-frameworks.ts";

/**
 * Every framework change answers with the whole framework: it replaces the cached copy, and the list
 * (status, totals) is refreshed.
 */
export function useFrameworkMutation<TInput>(mutationFn: (input: TInput) => Promise<TFrameworkDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (detail) => {
      queryClient.setQueryData(frameworkQuery(detail.id).queryKey, detail);
      void queryClient.invalidateQueries({ queryKey: frameworksQuery.queryKey, exact: true });
    },
  });
}
