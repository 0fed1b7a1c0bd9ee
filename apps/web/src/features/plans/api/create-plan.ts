import type { TPlanDetail, TPlanInput } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const createPlan = (body: TPlanInput) => api<TPlanDetail>("POST", "/api/plans", body);
export const useCreatePlan = () => usePlansMutation(createPlan);
