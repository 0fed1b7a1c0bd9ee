import type { TPlanReview, TPlanReviewInput } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const listPlanReviews = (planId: string) => api<TPlanReview[]>("GET", `/api/plans/${planId}/reviews`);
export const planReviewsQuery = (planId: string) =>
  queryOptions({ queryKey: ["plans", planId, "reviews"], queryFn: () => listPlanReviews(planId) });
export const usePlanReviews = (planId: string) => useQuery(planReviewsQuery(planId));

export const recordPlanReview = ({ planId, ...body }: TPlanReviewInput & { planId: string }) =>
  api<TPlanReview[]>("POST", `/api/plans/${planId}/reviews`, body);
export const useRecordPlanReview = () => usePlansMutation(recordPlanReview);
