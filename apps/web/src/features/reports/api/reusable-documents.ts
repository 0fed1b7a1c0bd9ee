import type { TOfficeWork, TReportDocument } from "@chiso/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listReusableDocuments = (reportId: string) =>
  api<TReportDocument[]>("GET", `/api/reports/${reportId}/reusable-documents`);
export const useReusableDocuments = (reportId: string, enabled: boolean) =>
  useQuery({ queryKey: ["reports", "reusable", reportId], queryFn: () => listReusableDocuments(reportId), enabled });

export const listOfficeWork = (reportId: string) => api<TOfficeWork[]>("GET", `/api/reports/${reportId}/office-work`);
/** Reporting up: the agency's offices' reports on the same item in the agency's own cycle. */
export const useOfficeWork = (reportId: string) =>
  useQuery({ queryKey: ["reports", "office-work", reportId], queryFn: () => listOfficeWork(reportId) });
