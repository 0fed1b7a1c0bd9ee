import type { TReportSummary } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listReports = (periodId: string, indicatorId?: string) =>
  api<TReportSummary[]>("GET", `/api/reports?periodId=${periodId}${indicatorId ? `&indicatorId=${indicatorId}` : ""}`);
export const reviewListQuery = (periodId: string, indicatorId?: string) =>
  queryOptions({
    queryKey: ["reports", "list", periodId, indicatorId ?? "all"],
    queryFn: () => listReports(periodId, indicatorId),
  });
export const useReviewList = (periodId: string | undefined, indicatorId?: string) =>
  useQuery({ ...reviewListQuery(periodId ?? "", indicatorId), enabled: Boolean(periodId) });
