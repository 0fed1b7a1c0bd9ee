import type { TFrameworkDetail } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getFramework = (id: string) => api<TFrameworkDetail>("GET", `/api/frameworks/${id}`);
export const frameworkQuery = (id: string) =>
  queryOptions({ queryKey: ["frameworks", id], queryFn: () => getFramework(id) });
export const useFramework = (id: string | undefined) => useQuery({ ...frameworkQuery(id ?? ""), enabled: Boolean(id) });
