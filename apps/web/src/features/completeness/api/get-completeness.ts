import type { TCompleteness } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getCompleteness = (periodId: string) =>
  api<TCompleteness>("GET", `/api/completeness?periodId=${periodId}`);
export const completenessQuery = (periodId: string) =>
  queryOptions({ queryKey: ["completeness", periodId], queryFn: () => getCompleteness(periodId) });
export const useCompleteness = (periodId: string | undefined) =>
  useQuery({ ...completenessQuery(periodId ?? ""), enabled: Boolean(periodId) });

/** The same data as a workbook, downloaded by the browser (the session cookie goes with the link). */
export const completenessExportUrl = (periodId: string) => `/api/completeness/export?periodId=${periodId}`;
