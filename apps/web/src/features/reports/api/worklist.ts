import type { TWorkItem } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getWorklist = (unitId?: string) =>
  api<TWorkItem[]>("GET", `/api/worklist${unitId ? `?unitId=${unitId}` : ""}`);
export const worklistQuery = (unitId?: string) =>
  queryOptions({ queryKey: ["worklist", unitId ?? "mine"], queryFn: () => getWorklist(unitId) });
export const useWorklist = (unitId?: string) => useQuery(worklistQuery(unitId));
