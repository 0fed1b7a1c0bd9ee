import { z } from "zod";
import { zLine } from "../text/clean.ts";
import { ZGrant } from "./auth.ts";
import { ZRole } from "./roles.ts";

export const ZAccount = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  /** Chức vụ, as the accounts sheet gives it. */
  position: z.string().nullable(),
  email: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  roles: z.array(ZRole),
  grants: z.array(ZGrant),
  isDisabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Tên đăng nhập phải có ít nhất 3 ký tự")
  .max(50, "Tên đăng nhập tối đa 50 ký tự")
  .regex(/^[a-z0-9._-]+$/, "Tên đăng nhập chỉ gồm chữ không dấu, số và các ký tự . _ -");

export const ZAccountCreate = z.object({
  username: ZUsername,
  fullName: zLine().min(2, "Vui lòng nhập họ và tên").max(200),
  position: zLine().max(200, "Chức vụ tối đa 200 ký tự").nullish(),
  email: z
    .email("Địa chỉ email không hợp lệ")
    .nullish()
    .or(z.literal("").transform(() => null)),
  unitId: z.uuid("Vui lòng chọn đơn vị"),
  roles: z.array(ZRole).min(1, "Vui lòng chọn ít nhất một vai trò"),
  /**
   * Where the scope roles (coordinator, appraiser, viewer) are held: an agency, or null for the province. Unit roles
   * (lead, reporter) are always held in the account's own unit.
   */
  scopeUnitId: z.uuid().nullish(),
});
export type TAccountCreate = z.infer<typeof ZAccountCreate>;

export const ZAccountUpdate = ZAccountCreate.omit({ username: true })
  .partial()
  .extend({ isDisabled: z.boolean().optional() });
export type TAccountUpdate = z.infer<typeof ZAccountUpdate>;

/** Returned once, when an account is created or its password reset: the initial password is never stored. */
export const ZIssuedPassword = z.object({ account: ZAccount, initialPassword: z.string() });
export type TIssuedPassword = z.infer<typeof ZIssuedPassword>;
