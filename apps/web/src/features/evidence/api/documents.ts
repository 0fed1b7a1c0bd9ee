import type { TDocument } from "@chiso/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const listDocuments = (unitId: string | undefined, q: string) => {
  const params = new URLSearchParams();
  if (unitId) params.set("unitId", unitId);
  if (q) params.set("q", q);
  return api<TDocument[]>("GET", `/api/documents?${params}`);
};
export const documentsQuery = (unitId: string | undefined, q = "") =>
  queryOptions({ queryKey: ["documents", unitId ?? "mine", q], queryFn: () => listDocuments(unitId, q) });
export const useDocuments = (unitId: string | undefined, q = "") => useQuery(documentsQuery(unitId, q));

export interface TUploadInput {
  file: File;
  unitId?: string;
  docNumber?: string;
  issuedOn?: string;
  issuer?: string;
  summary?: string;
}

export function uploadDocument({ file, ...fields }: TUploadInput) {
  const form = new FormData();
  // Text fields first: the server reads them before streaming the file.
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append("file", file, file.name);
  return api<TDocument>("POST", "/api/documents", form);
}

export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["documents"] }),
  });
}

export const documentUrl = (id: string, download = false) =>
  `/api/documents/${id}/content${download ? "?download=1" : ""}`;

export interface TDocumentMetadataInput {
  id: string;
  docNumber: string | null;
  issuedOn: string | null;
  issuer: string | null;
  summary: string | null;
}

/** Corrects a document's số hiệu, ngày ban hành, cơ quan ban hành or trích yếu after the upload (audited). */
export const updateDocument = ({ id, ...fields }: TDocumentMetadataInput) =>
  api<TDocument>("PATCH", `/api/documents/${id}`, fields);

export function useUpdateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDocument,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["documents"] });
      // Reports show the document's description and warn while its number or date is missing.
      void queryClient.invalidateQueries({ queryKey: ["reports"] });
      void queryClient.invalidateQueries({ queryKey: ["worklist"] });
    },
  });
}
