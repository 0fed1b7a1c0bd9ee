import type { TMe } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../../lib/api.ts";

/** The signed-in user, or null when nobody is. */
export async function getMe(): Promise<TMe | null> {
  try {
    return await api<TMe>("GET", "/api/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQuery = queryOptions({ queryKey: ["me"], queryFn: getMe, staleTime: 60_000 });

export const useMe = () => useQuery(meQuery);
