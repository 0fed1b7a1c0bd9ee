import type { TPlanImportMapped, TPlanImportRemap } from "@chiso/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api.ts";

export const remapImport = (body: TPlanImportRemap) => api<TPlanImportMapped>("POST", "/api/plans/import/remap", body);
export const useRemapImport = () => useMutation({ mutationFn: remapImport });
