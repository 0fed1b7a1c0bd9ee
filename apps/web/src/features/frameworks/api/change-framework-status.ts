import type { TFrameworkDetail } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { frameworksQuery } from "./list-frameworks.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export type TStatusAction = "publish" | "unpublish" | "archive";

export const changeFrameworkStatus = ({ id, action }: { id: string; action: TStatusAction }) =>
  api<TFrameworkDetail>("POST", `/api/frameworks/${id}/${action}`);

export const useChangeFrameworkStatus = () => useFrameworkMutation(changeFrameworkStatus);

export const deleteFramework = (id: string) => api<void>("DELETE", `/api/frameworks/${id}`);

export function useDeleteFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteFramework,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: frameworksQuery.queryKey }),
  });
}
