import type {
  TFrameworkCalendar,
  TFrameworkClone,
  TFrameworkCreate,
  TFrameworkDetail,
  TFrameworkUpdate,
} from "@chiso/core";
import { api } from "../../../lib/api.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export const createFramework = (body: TFrameworkCreate) => api<TFrameworkDetail>("POST", "/api/frameworks", body);
export const updateFramework = ({ id, ...body }: TFrameworkUpdate & { id: string }) =>
  api<TFrameworkDetail>("PATCH", `/api/frameworks/${id}`, body);
export const cloneFramework = ({ id, ...body }: TFrameworkClone & { id: string }) =>
  api<TFrameworkDetail>("POST", `/api/frameworks/${id}/clone`, body);

export const useCreateFramework = () => useFrameworkMutation(createFramework);
export const useUpdateFramework = () => useFrameworkMutation(updateFramework);
export const useCloneFramework = () => useFrameworkMutation(cloneFramework);

export const setFrameworkCalendar = ({ id, ...body }: TFrameworkCalendar & { id: string }) =>
  api<TFrameworkDetail>("PUT", `/api/frameworks/${id}/calendar`, body);
export const useSetFrameworkCalendar = () => useFrameworkMutation(setFrameworkCalendar);
