import type { TAccount } from "@chiso/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listAccounts = () => api<TAccount[]>("GET", "/api/accounts");
export const accountsQuery = queryOptions({ queryKey: ["accounts"], queryFn: listAccounts });
export const useAccounts = () => useQuery(accountsQuery);
