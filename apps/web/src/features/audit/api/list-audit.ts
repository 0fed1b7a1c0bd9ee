import type { TAuditFilter, TAuditPage } from "@chiso/core";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const AUDIT_PAGE_SIZE = 50;

/** The filters as a query string, shared by the list and its Excel export. */
export function auditSearch(filter: TAuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  return params;
}

export const listAudit = (filter: TAuditFilter, page: number) => {
  const params = auditSearch(filter);
  params.set("page", String(page));
  params.set("pageSize", String(AUDIT_PAGE_SIZE));
  return api<TAuditPage>("GET", `/api/audit?${params}`);
};
export const auditQuery = (filter: TAuditFilter, page: number) =>
  queryOptions({ queryKey: ["audit", filter, page], queryFn: () => listAudit(filter, page) });
export const useAudit = (filter: TAuditFilter, page: number) =>
  useQuery({ ...auditQuery(filter, page), placeholderData: keepPreviousData });

export const auditExportUrl = (filter: TAuditFilter) => `/api/exports/audit.xlsx?${auditSearch(filter)}`;
