import type { TIndicatorAssignment } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

/** One indicator's lead and every cooperating unit: the framework detail lists only the first few. */
export const getIndicatorAssignment = (frameworkId: string, indicatorId: string) =>
  api<TIndicatorAssignment>("GET", `/api/frameworks/${frameworkId}/indicators/${indicatorId}/assignment`);
export const indicatorAssignmentQuery = (frameworkId: string, indicatorId: string) =>
  queryOptions({
    queryKey: ["framework-assignment", frameworkId, indicatorId],
    queryFn: () => getIndicatorAssignment(frameworkId, indicatorId),
  });
export const useIndicatorAssignment = (frameworkId: string, indicatorId: string, enabled = true) =>
  useQuery({ ...indicatorAssignmentQuery(frameworkId, indicatorId), enabled });
