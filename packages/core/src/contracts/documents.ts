import { z } from "zod";
import { parseIsoDate } from "../calendar/dates.ts";
import { zLine } from "../text/clean.ts";
import { parseDateVi } from "../text/format.ts";

/** What the evidence upload accepts, as the user reads it (the server decides by content, not by name). */
export const EVIDENCE_TYPES_LABEL_VI =
  "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx), ảnh PNG, JPEG, GIF, WebP, TIFF";

/** For `<input type="file" accept>`: a hint to the file picker only. */
export const EVIDENCE_ACCEPT = ".pdf,.docx,.doc,.xlsx,.xls,.pptx,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff";

/** An evidence document as the API returns it. */
export const ZDocument = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  sha256: z.string(),
  /** Số hiệu văn bản. */
  docNumber: z.string().nullable(),
  /** Ngày ban hành, "YYYY-MM-DD". */
  issuedOn: z.string().nullable(),
  /** Cơ quan ban hành. */
  issuer: z.string().nullable(),
  /** Trích yếu. */
  summary: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type TDocument = z.infer<typeof ZDocument>;

/** Optional text: trimmed, "" clears it (null), absent leaves it unchanged. */
const optionalText = (max: number, label: string) =>
  zLine()
    .max(max, `${label} tối đa ${max} ký tự`)
    .nullish()
    .transform((v) => (v === "" ? null : v));

/** "05/01/2025" or "2025-01-05" → "2025-01-05"; "" clears it. */
const issuedOn = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx) => {
    if (value === undefined || value === null) return value;
    if (value === "") return null;
    const iso = parseDateVi(value) ?? (parseIsoDate(value) ? value : null);
    if (iso) return iso;
    ctx.addIssue({
      code: "custom",
      message: `Ngày ban hành "${value}" không hợp lệ: nhập theo dạng dd/mm/yyyy (ví dụ 05/01/2025)`,
    });
    return z.NEVER;
  });

/** The official description of a document (số hiệu, ngày ban hành, cơ quan ban hành, trích yếu). */
export const ZDocumentMetadata = z.object({
  docNumber: optionalText(100, "Số hiệu văn bản"),
  issuedOn,
  issuer: optionalText(300, "Cơ quan ban hành"),
  summary: optionalText(2000, "Trích yếu"),
});

/** The text fields sent with an upload; `unitId` lets the coordinator upload on a unit's behalf. */
export const ZDocumentUploadFields = ZDocumentMetadata.extend({
  unitId: z.uuid("Mã đơn vị không hợp lệ").optional(),
});
export type TDocumentUploadFields = z.infer<typeof ZDocumentUploadFields>;

export const ZDocumentUpdate = ZDocumentMetadata.extend({
  fileName: zLine()
    .min(1, "Tên tệp không được để trống")
    .max(255, "Tên tệp tối đa 255 ký tự")
    .regex(/^[^/\\]+$/, "Tên tệp không được chứa ký tự / hoặc \\")
    .optional(),
});
export type TDocumentUpdate = z.infer<typeof ZDocumentUpdate>;
