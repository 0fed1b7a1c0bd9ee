import type {
  TAdjustmentCreate,
  TAgencyResult,
  TCriterionTable,
  TDifference,
  TEntrySave,
  TExtensionGrant,
  TPublish,
  TRequestCreate,
  TRound,
  TRoundCreate,
  TRoundResultView,
  TSheet,
} from "@chiso/core";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

/* Every call of assessment rounds: fetchers, query options and hooks. */

const base = (id: string) => `/api/assessment-rounds/${id}`;

export const roundsQuery = queryOptions({
  queryKey: ["assessment-rounds"],
  queryFn: () => api<TRound[]>("GET", "/api/assessment-rounds"),
});
export const useRounds = () => useQuery(roundsQuery);
export const useRound = (id: string) =>
  useQuery({ queryKey: ["assessment-rounds", id], queryFn: () => api<TRound>("GET", base(id)) });

export const useSheet = (id: string, unitId: string | undefined) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "sheet", unitId],
    queryFn: () => api<TSheet>("GET", `${base(id)}/sheets/${unitId}`),
    enabled: Boolean(unitId),
  });

export const useAppraisals = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "appraisals"],
    queryFn: () =>
      api<{ indicatorId: string; code: string; name: string; maxScore: number }[]>("GET", `${base(id)}/appraisals`),
    enabled,
  });

export const useCriterionTable = (id: string, indicatorId: string | undefined) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "criterion", indicatorId],
    queryFn: () => api<TCriterionTable>("GET", `${base(id)}/criteria/${indicatorId}`),
    enabled: Boolean(indicatorId),
  });

/** The league table's page: a version (published rounds), a search over agency names, a page of agencies. */
export interface TResultsView {
  version?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

const resultsSearch = (view: TResultsView) => {
  const search = new URLSearchParams();
  if (view.version) search.set("version", String(view.version));
  if (view.q) search.set("q", view.q);
  if (view.page) search.set("page", String(view.page));
  if (view.pageSize) search.set("pageSize", String(view.pageSize));
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const useResults = (id: string, enabled: boolean, view: TResultsView = {}) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "results", view],
    queryFn: () => api<TRoundResultView>("GET", `${base(id)}/results${resultsSearch(view)}`),
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
  });

/** One agency's result in full: every criterion, against its group, its earlier years, linked tasks. */
export const useAgencyResult = (id: string, unitId: string, version?: number) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "results", "agency", unitId, version ?? "latest"],
    queryFn: () =>
      api<TAgencyResult>("GET", `${base(id)}/results/agencies/${unitId}${version ? `?version=${version}` : ""}`),
    retry: false,
  });

export const useDifferences = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ["assessment-rounds", id, "differences"],
    queryFn: () => api<TDifference[]>("GET", `${base(id)}/differences`),
    enabled,
  });

/** Every change refreshes everything of the rounds: numbers move together (sheet, table, results). */
function useRoundMutation<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assessment-rounds"] }),
  });
}

export const useCreateRound = () =>
  useRoundMutation((body: TRoundCreate) => api<TRound>("POST", "/api/assessment-rounds", body));
export const useChangeRoundStatus = () =>
  useRoundMutation(({ id, status }: { id: string; status: "open" | "appraising" }) =>
    api<TRound>("POST", `${base(id)}/status`, { status }),
  );
export const usePublishRound = () =>
  useRoundMutation(({ id, ...body }: TPublish & { id: string }) =>
    api<TRoundResultView>("POST", `${base(id)}/publish`, body),
  );
export const useAssignAppraiser = () =>
  useRoundMutation(({ id, ...body }: { id: string; userId: string; indicatorIds: string[] }) =>
    api("POST", `${base(id)}/appraisers`, body),
  );
export const useSaveEntry = () =>
  useRoundMutation(
    ({ id, unitId, indicatorId, ...body }: Partial<TEntrySave> & { id: string; unitId: string; indicatorId: string }) =>
      api<TSheet>("PUT", `${base(id)}/sheets/${unitId}/entries/${indicatorId}`, body),
  );
export const useSheetAction = () =>
  useRoundMutation(
    ({ id, unitId, action, version }: { id: string; unitId: string; action: "submit" | "recall"; version: number }) =>
      api<TSheet>("POST", `${base(id)}/sheets/${unitId}/${action}`, { version }),
  );
export const useAppraise = () =>
  useRoundMutation(
    ({
      id,
      unitId,
      indicatorId,
      ...body
    }: {
      id: string;
      unitId: string;
      indicatorId: string;
      points: number;
      reason: string | null;
    }) => api<TCriterionTable>("PUT", `${base(id)}/sheets/${unitId}/entries/${indicatorId}/appraisal`, body),
  );
export const useRequestExplanation = () =>
  useRoundMutation(
    ({ id, unitId, indicatorId, ...body }: TRequestCreate & { id: string; unitId: string; indicatorId: string }) =>
      api<TCriterionTable>("POST", `${base(id)}/sheets/${unitId}/entries/${indicatorId}/requests`, body),
  );
export const useAnswerRequest = () =>
  useRoundMutation(({ requestId, answer }: { requestId: string; answer: string }) =>
    api<TSheet>("POST", `/api/assessment-requests/${requestId}/answer`, { answer }),
  );
export const useCloseRequest = () =>
  useRoundMutation((requestId: string) => api<TCriterionTable>("POST", `/api/assessment-requests/${requestId}/close`));
export const useGrantExtension = () =>
  useRoundMutation(({ id, ...body }: TExtensionGrant & { id: string }) =>
    api<TRound>("POST", `${base(id)}/extensions`, body),
  );
export const useAddAdjustment = () =>
  useRoundMutation(({ id, ...body }: TAdjustmentCreate & { id: string }) =>
    api<TRoundResultView>("POST", `${base(id)}/adjustments`, body),
  );
