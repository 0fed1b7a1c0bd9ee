import type { TPlanImportPreview } from "@chiso/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export function previewImport(file: File) {
  const form = new FormData();
  form.append("file", file, file.name);
  return api<TPlanImportPreview>("POST", "/api/plans/import/preview", form);
}
export const usePreviewImport = () => useMutation({ mutationFn: previewImport });
