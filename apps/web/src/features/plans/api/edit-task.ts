import type { TTaskDetail, TTaskEdit } from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { usePlansMutation } from "./use-plans-mutation.ts";

export const editTask = ({ id, ...body }: TTaskEdit & { id: string }) =>
  api<TTaskDetail>("PATCH", `/api/tasks/${id}`, body);
export const useEditTask = () => usePlansMutation(editTask);
