import { z } from "zod";
import { zLine } from "../text/clean.ts";

export const UNIT_KINDS = ["department", "commune", "central_branch", "enterprise", "office", "other"] as const;
export const ZUnitKind = z.enum(UNIT_KINDS);
export type TUnitKind = z.infer<typeof ZUnitKind>;

/** Vietnamese labels of unit kinds, as the plans name them. */
export const UNIT_KIND_LABELS: Record<TUnitKind, { vi: string; en: string }> = {
  department: { vi: "Sở, ban, ngành", en: "Department / agency" },
  commune: { vi: "Xã, phường, đặc khu", en: "Commune / ward / special zone" },
  central_branch: { vi: "Cơ quan ngành dọc", en: "Central branch office" },
  enterprise: { vi: "Doanh nghiệp", en: "Enterprise" },
  office: { vi: "Phòng thuộc sở", en: "Office inside a department" },
  other: { vi: "Khác", en: "Other" },
};

export const ZUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZUnitKind,
  parentId: z.uuid().nullable(),
  /** Ids from the top agency down to this unit. */
  path: z.array(z.uuid()),
  isActive: z.boolean(),
  userCount: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;

const name = zLine().min(2, "Tên đơn vị phải có ít nhất 2 ký tự").max(200, "Tên đơn vị tối đa 200 ký tự");

export const ZUnitCreate = z.object({
  name,
  shortName: zLine().max(50, "Tên viết tắt tối đa 50 ký tự").nullish(),
  kind: ZUnitKind,
  parentId: z.uuid().nullish(),
});
export type TUnitCreate = z.infer<typeof ZUnitCreate>;

export const ZUnitUpdate = ZUnitCreate.partial().extend({ isActive: z.boolean().optional() });
export type TUnitUpdate = z.infer<typeof ZUnitUpdate>;

/** A named group of units kept by a scope ("Sở, ban, ngành"); a framework's group text assigns its members. */
export const ZUnitGroup = z.object({
  id: z.uuid(),
  /** The scope that keeps it; null = the province. */
  ownerUnitId: z.uuid().nullable(),
  name: z.string(),
  members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  canManage: z.boolean(),
});
export type TNamedUnitGroup = z.infer<typeof ZUnitGroup>;

export const ZUnitGroupInput = z.object({
  name: zLine().min(2, "Tên nhóm phải có ít nhất 2 ký tự").max(200, "Tên nhóm tối đa 200 ký tự"),
  unitIds: z
    .array(z.uuid("Mã đơn vị không hợp lệ"))
    .min(1, "Vui lòng chọn ít nhất một đơn vị của nhóm")
    .max(2000, "Nhóm quá nhiều đơn vị"),
  /** Which scope keeps the group; defaults to the scope the actor coordinates. */
  ownerUnitId: z.uuid().nullish(),
});
export type TUnitGroupInput = z.infer<typeof ZUnitGroupInput>;
