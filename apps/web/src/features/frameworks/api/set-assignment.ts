import type { TAssignmentUpdate, TFrameworkDetail } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export const setAssignment = ({ indicatorId, ...body }: TAssignmentUpdate & { indicatorId: string }) =>
  api<TFrameworkDetail>("PUT", `/api/indicators/${indicatorId}/assignment`, body);

export const useSetAssignment = () => useFrameworkMutation(setAssignment);
