import type { TTask } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export interface TTaskQuery {
  mine?: boolean;
  unitId?: string;
  overdue?: boolean;
}

export function listTasks(query: TTaskQuery) {
  const params = new URLSearchParams();
  if (query.mine) params.set("mine", "1");
  if (query.unitId) params.set("unitId", query.unitId);
  if (query.overdue) params.set("overdue", "1");
  return api<TTask[]>("GET", `/api/tasks?${params}`);
}
export const tasksQuery = (query: TTaskQuery) =>
  queryOptions({ queryKey: ["tasks", "list", query], queryFn: () => listTasks(query) });
export const useTasks = (query: TTaskQuery) => useQuery(tasksQuery(query));
