import type {
  TAttachDocument,
  TConsolidate,
  TReportActionRequest,
  TReportDetail,
  TReportOpen,
  TReportSave,
  TReportSaved,
} from "@chiso/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const getReport = (id: string) => api<TReportDetail>("GET", `/api/reports/${id}`);
export const reportQuery = (id: string) =>
  queryOptions({ queryKey: ["reports", "detail", id], queryFn: () => getReport(id) });
export const useReport = (id: string | undefined) => useQuery({ ...reportQuery(id ?? ""), enabled: Boolean(id) });

export const openReport = (body: TReportOpen) => api<TReportDetail>("POST", "/api/reports", body);
export const useOpenReport = () => useMutation({ mutationFn: openReport });

/** Every report change answers with the whole report; lists that show it are refreshed. */
function useReportMutation<TInput>(mutationFn: (input: TInput) => Promise<TReportDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (report) => {
      queryClient.setQueryData(reportQuery(report.id).queryKey, report);
      void queryClient.invalidateQueries({ queryKey: ["worklist"] });
      void queryClient.invalidateQueries({ queryKey: ["reports", "list"] });
    },
  });
}

/** A draft save answers only what it changed (version, score, status); the cached report takes it in. */
export const useSaveReport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TReportSave & { id: string }) =>
      api<TReportSaved>("PATCH", `/api/reports/${id}`, body),
    onSuccess: (saved, input) => {
      queryClient.setQueryData(reportQuery(saved.id).queryKey, (report) =>
        report
          ? { ...report, ...saved, values: input.values, note: input.note === undefined ? report.note : input.note }
          : report,
      );
      void queryClient.invalidateQueries({ queryKey: ["worklist"] });
      void queryClient.invalidateQueries({ queryKey: ["reports", "list"] });
    },
  });
};
export const useReportAction = () =>
  useReportMutation(({ id, ...body }: TReportActionRequest & { id: string }) =>
    api<TReportDetail>("POST", `/api/reports/${id}/actions`, body),
  );
export const useAddComment = () =>
  useReportMutation(({ id, body }: { id: string; body: string }) =>
    api<TReportDetail>("POST", `/api/reports/${id}/comments`, { body }),
  );
export const useAttachDocument = () =>
  useReportMutation(({ id, ...body }: TAttachDocument & { id: string }) =>
    api<TReportDetail>("POST", `/api/reports/${id}/documents`, body),
  );
export const useDetachDocument = () =>
  useReportMutation(({ id, documentId }: { id: string; documentId: string }) =>
    api<TReportDetail>("DELETE", `/api/reports/${id}/documents/${documentId}`),
  );
export const useConsolidate = () =>
  useReportMutation(({ id, ...body }: TConsolidate & { id: string }) =>
    api<TReportDetail>("POST", `/api/reports/${id}/consolidation`, body),
  );
