import type { TAccountImportPreview, TAccountImportResult } from "@chiso/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";
import { unitsQuery } from "../../units/api/list-units.ts";
import { accountsQuery } from "./list-accounts.ts";

export const ACCOUNT_TEMPLATE_URL = "/api/accounts/import/template";

function sheetForm(file: File, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file, file.name);
  return form;
}

export const previewAccountImport = (file: File) =>
  api<TAccountImportPreview>("POST", "/api/accounts/import/preview", sheetForm(file));
export const usePreviewAccountImport = () => useMutation({ mutationFn: previewAccountImport });

export const importAccounts = ({ file, sendEmail }: { file: File; sendEmail: boolean }) =>
  api<TAccountImportResult>("POST", "/api/accounts/import", sheetForm(file, { sendEmail: String(sendEmail) }));

export function useImportAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAccounts,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: accountsQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
    },
  });
}
