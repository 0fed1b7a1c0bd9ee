import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const deletePlan = (id: string) => api<void>("DELETE", `/api/plans/${id}`);
export const useDeletePlan = () => usePlansMutation(deletePlan);
