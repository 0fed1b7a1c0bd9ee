import type { TCompletenessPage, TCompletenessUnitSlots } from "@chiso/core";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

/** One page of the unit table (searched by unit name on the server), with the period's totals and indicators. */
export interface TCompletenessView {
  periodId: string;
  page: number;
  pageSize: number;
  q?: string;
  /** "behind": the units furthest behind first (the coordinator's home page); by name otherwise. */
  order?: "name" | "behind";
}

const searchOf = (v: TCompletenessView) =>
  new URLSearchParams({
    periodId: v.periodId,
    page: String(v.page),
    pageSize: String(v.pageSize),
    ...(v.q ? { q: v.q } : {}),
    ...(v.order ? { order: v.order } : {}),
  }).toString();

export const getCompleteness = (view: TCompletenessView) =>
  api<TCompletenessPage>("GET", `/api/completeness?${searchOf(view)}`);
export const completenessQuery = (view: TCompletenessView) =>
  queryOptions({
    queryKey: ["completeness", view.periodId, view],
    queryFn: () => getCompleteness(view),
    placeholderData: keepPreviousData,
  });
export const useCompleteness = (view: TCompletenessView | undefined) =>
  useQuery({ ...completenessQuery(view ?? { periodId: "", page: 1, pageSize: 1 }), enabled: Boolean(view?.periodId) });

/** One unit's late and missing reports in the period (the table's expandable row), fetched when it is opened. */
export const useUnitOpenSlots = (periodId: string, unitId: string) =>
  useQuery({
    queryKey: ["completeness", periodId, "unit", unitId],
    queryFn: () =>
      api<TCompletenessUnitSlots>("GET", `/api/completeness/units/${unitId}?periodId=${encodeURIComponent(periodId)}`),
  });

/** The same data as a workbook, downloaded by the browser (the session cookie goes with the link). */
export const completenessExportUrl = (periodId: string) => `/api/completeness/export?periodId=${periodId}`;
