import type { TFrameworkDetail, TIndicatorCreate, TIndicatorMove, TIndicatorUpdate } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export const createIndicator = ({ frameworkId, ...body }: TIndicatorCreate & { frameworkId: string }) =>
  api<TFrameworkDetail>("POST", `/api/frameworks/${frameworkId}/indicators`, body);
export const updateIndicator = ({ id, ...body }: TIndicatorUpdate & { id: string }) =>
  api<TFrameworkDetail>("PATCH", `/api/indicators/${id}`, body);
export const deleteIndicator = (id: string) => api<TFrameworkDetail>("DELETE", `/api/indicators/${id}`);
export const moveIndicator = ({ id, ...body }: TIndicatorMove & { id: string }) =>
  api<TFrameworkDetail>("POST", `/api/indicators/${id}/move`, body);

export const useCreateIndicator = () => useFrameworkMutation(createIndicator);
export const useUpdateIndicator = () => useFrameworkMutation(updateIndicator);
export const useDeleteIndicator = () => useFrameworkMutation(deleteIndicator);
export const useMoveIndicator = () => useFrameworkMutation(moveIndicator);
