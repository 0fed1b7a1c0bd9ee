import type { TFrameworkSummary } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listFrameworks = () => api<TFrameworkSummary[]>("GET", "/api/frameworks");
export const frameworksQuery = queryOptions({ queryKey: ["frameworks"], queryFn: listFrameworks });
export const useFrameworks = () => useQuery(frameworksQuery);
