import type { TFrameworkDetail, TImportCommit, TImportPreview } from "@chiso/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { useFrameworkMutation } from "./use-framework-mutation.ts";

export function previewImport(file: File) {
  const form = new FormData();
  form.append("file", file, file.name);
  return api<TImportPreview>("POST", "/api/frameworks/import/preview", form);
}

export const commitImport = (body: TImportCommit) => api<TFrameworkDetail>("POST", "/api/frameworks/import", body);

export const usePreviewImport = () => useMutation({ mutationFn: previewImport });
export const useCommitImport = () => useFrameworkMutation(commitImport);
