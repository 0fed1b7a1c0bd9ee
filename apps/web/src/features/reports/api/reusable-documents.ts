import type { TReportDocument } from "@chiso/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listReusableDocuments = (reportId: string) =>
  api<TReportDocument[]>("GET", `/api/reports/${reportId}/reusable-documents`);
export const useReusableDocuments = (reportId: string, enabled: boolean) =>
  useQuery({ queryKey: ["reports", "reusable", reportId], queryFn: () => listReusableDocuments(reportId), enabled });
