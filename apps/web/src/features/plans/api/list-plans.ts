import type { TPlanSummary } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listPlans = () => api<TPlanSummary[]>("GET", "/api/plans");
export const plansQuery = queryOptions({ queryKey: ["plans", "list"], queryFn: listPlans });
export const usePlans = () => useQuery(plansQuery);
