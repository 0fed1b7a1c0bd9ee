import type { TNamedUnitGroup } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listUnitGroups = () => api<TNamedUnitGroup[]>("GET", "/api/unit-groups");
export const unitGroupsQuery = queryOptions({ queryKey: ["unit-groups"], queryFn: listUnitGroups });
export const useUnitGroups = () => useQuery(unitGroupsQuery);
