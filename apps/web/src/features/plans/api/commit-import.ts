import type { TPlanDetail, TPlanImportCommit } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const commitImport = (body: TPlanImportCommit) => api<TPlanDetail>("POST", "/api/plans/import", body);
export const useCommitImport = () => usePlansMutation(commitImport);
