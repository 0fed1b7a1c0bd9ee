import type { TTaskDetail } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getTask = (id: string) => api<TTaskDetail>("GET", `/api/tasks/${id}`);
export const taskQuery = (id: string) => queryOptions({ queryKey: ["tasks", id], queryFn: () => getTask(id) });
export const useTask = (id: string | null) => useQuery({ ...taskQuery(id ?? ""), enabled: Boolean(id) });
