import type { TPlanDetail, TPlanUpdate } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const updatePlan = ({ id, ...body }: TPlanUpdate & { id: string }) =>
  api<TPlanDetail>("PATCH", `/api/plans/${id}`, body);
export const useUpdatePlan = () => usePlansMutation(updatePlan);
