import type { TPlanDetail } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getPlan = (id: string) => api<TPlanDetail>("GET", `/api/plans/${id}`);
export const planQuery = (id: string) => queryOptions({ queryKey: ["plans", id], queryFn: () => getPlan(id) });
export const usePlan = (id: string | undefined) => useQuery({ ...planQuery(id ?? ""), enabled: Boolean(id) });
