import type { TReportedValues } from "@chiso/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export interface TLatestValue {
  indicatorId: string;
  periodLabel: string;
  values: TReportedValues;
}

export const getLatestValues = (frameworkId: string) =>
  api<TLatestValue[]>("GET", `/api/frameworks/${frameworkId}/latest-values`);
export const useLatestValues = (frameworkId: string) =>
  useQuery({ queryKey: ["frameworks", frameworkId, "latest-values"], queryFn: () => getLatestValues(frameworkId) });
