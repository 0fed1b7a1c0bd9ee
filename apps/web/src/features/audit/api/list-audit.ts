import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export interface TAuditEntry {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actorUsername: string | null;
  actorName: string | null;
}

export const listAudit = () => api<TAuditEntry[]>("GET", "/api/audit?limit=200");
export const auditQuery = queryOptions({ queryKey: ["audit"], queryFn: listAudit });
export const useAudit = () => useQuery(auditQuery);
