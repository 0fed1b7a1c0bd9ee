import type { TUnit } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listUnits = () => api<TUnit[]>("GET", "/api/units");
export const unitsQuery = queryOptions({ queryKey: ["units"], queryFn: listUnits });
export const useUnits = () => useQuery(unitsQuery);
