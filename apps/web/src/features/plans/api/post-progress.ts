import type { TTaskDetail, TTaskProgressInput } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const postProgress = ({ id, ...body }: TTaskProgressInput & { id: string }) =>
  api<TTaskDetail>("POST", `/api/tasks/${id}/updates`, body);
export const usePostProgress = () => usePlansMutation(postProgress);
