import { z } from "zod";
import { zLine } from "../text/clean.ts";
import { isCommonPassword } from "./common-passwords.ts";
import { ZRole } from "./roles.ts";

export const PASSWORD_MIN_LENGTH = 8;

export const ZLoginRequest = z.object({
  username: zLine().min(1, "Vui lòng nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Vui lòng nhập mật khẩu").max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, "Vui lòng nhập mật khẩu hiện tại").max(200),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
    .max(200, "Mật khẩu mới tối đa 200 ký tự")
    .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), "Mật khẩu mới phải có cả chữ và số")
    .refine(
      (p) => !isCommonPassword(p),
      "Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn mật khẩu khác (ví dụ một câu ngắn có chữ, số và ký hiệu)",
    ),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZGrant = z.object({
  role: ZRole,
  scopeUnitId: z.uuid().nullable(),
  scopePath: z.array(z.uuid()),
  scopeName: z.string(),
});
export type TGrantView = z.infer<typeof ZGrant>;

export const ZMe = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** Every role the user holds, each in its scope (null: the province), with the scope's path and name. */
  grants: z.array(ZGrant),
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;
