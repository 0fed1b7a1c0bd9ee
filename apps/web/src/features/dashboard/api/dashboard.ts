import type { TDashboard, THeatmap, TOfficialResult, TProvinceSettings, TUnitKind, TUnitRanking } from "@chiso/core";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][]).toString();

export const getDashboard = (frameworkId?: string, periodId?: string) =>
  api<TDashboard>("GET", `/api/dashboard?${qs({ frameworkId, periodId })}`);
export const dashboardQuery = (frameworkId?: string, periodId?: string) =>
  queryOptions({
    queryKey: ["dashboard", frameworkId ?? "default", periodId ?? "latest"],
    queryFn: () => getDashboard(frameworkId, periodId),
  });
export const useDashboard = (frameworkId?: string, periodId?: string) =>
  useQuery(dashboardQuery(frameworkId, periodId));

/** Unit groups × indicators; with a group (kind), one page of its units cell by cell. */
export const useHeatmap = (periodId: string | undefined, kind: TUnitKind | undefined, page: number) =>
  useQuery({
    queryKey: ["dashboard", "heatmap", periodId, kind ?? "groups", page],
    queryFn: () =>
      api<THeatmap>(
        "GET",
        `/api/dashboard/heatmap?${qs({ periodId, kind, page: kind && page, pageSize: kind && HEATMAP_PAGE_SIZE })}`,
      ),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
export const HEATMAP_PAGE_SIZE = 50;

export const useUnitRanking = (periodId: string | undefined) =>
  useQuery({
    queryKey: ["dashboard", "units", periodId],
    queryFn: () => api<TUnitRanking>("GET", `/api/dashboard/units?periodId=${periodId}`),
    enabled: Boolean(periodId),
  });
export const unitRankingExportUrl = (periodId: string) => `/api/dashboard/units/export?periodId=${periodId}`;

export const useOfficialResults = (year: number | undefined) =>
  useQuery({
    queryKey: ["official-results", year],
    queryFn: () => api<TOfficialResult[]>("GET", `/api/official-results?year=${year}`),
    enabled: Boolean(year),
  });

export function useImportOfficialResults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, file }: { year: number; file: File }) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return api<{ year: number; count: number }>("POST", `/api/official-results/import?year=${year}`, form);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["official-results"] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export const useProvinceSettings = () =>
  useQuery({
    queryKey: ["settings", "province"],
    queryFn: () => api<TProvinceSettings>("GET", "/api/settings/province"),
  });
export function useSaveProvinceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TProvinceSettings) => api<TProvinceSettings>("PUT", "/api/settings/province", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["settings"] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}
