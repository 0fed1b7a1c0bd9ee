import type { TPage, TReportListQuery, TReportSummary } from "@chiso/core";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

/** The review table's filters: the server filters, orders and pages (a period has up to ~40,000 reports). */
export type TReviewFilter = Partial<Omit<TReportListQuery, "periodId">> & { periodId: string };

function searchOf(filter: TReviewFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

export const listReports = (filter: TReviewFilter) =>
  api<TPage<TReportSummary>>("GET", `/api/reports?${searchOf(filter)}`);
export const reviewListQuery = (filter: TReviewFilter) =>
  queryOptions({
    queryKey: ["reports", "list", filter],
    queryFn: () => listReports(filter),
    // The current page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
export const useReviewList = (filter: TReviewFilter | undefined) =>
  useQuery({ ...reviewListQuery(filter ?? { periodId: "" }), enabled: Boolean(filter?.periodId) });
