/**
 * Stable error codes of the API. The server answers `{ error: { code, message } }` with the Vietnamese
 * message below (or a more specific one); the web shows the message of the user's language by code.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { status: 400, vi: "Dữ liệu không hợp lệ.", en: "The data is not valid." },
  UNAUTHENTICATED: { status: 401, vi: "Vui lòng đăng nhập.", en: "Please sign in." },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị (Sở KH&CN).",
    en: "This account is disabled. Please contact the administrator.",
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
    en: "Too many failed sign-in attempts. Please try again in a few minutes.",
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: "Bạn cần đổi mật khẩu trước khi tiếp tục.",
    en: "You must change your password before continuing.",
  },
  FORBIDDEN: { status: 403, vi: "Bạn không có quyền thực hiện thao tác này.", en: "You are not allowed to do this." },
  NOT_FOUND: { status: 404, vi: "Không tìm thấy dữ liệu yêu cầu.", en: "Not found." },
  CONFLICT: {
    status: 409,
    vi: "Dữ liệu đã bị thay đổi hoặc trùng lặp. Vui lòng tải lại và thử lại.",
    en: "The data was changed or already exists. Reload and try again.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: "Tệp quá lớn.", en: "The file is too large." },
  UNSUPPORTED_CONTENT_TYPE: {
    status: 415,
    vi: "Kiểu nội dung của yêu cầu không được chấp nhận.",
    en: "The request's content type is not accepted here.",
  },
  UNSUPPORTED_FILE: { status: 415, vi: "Loại tệp không được hỗ trợ.", en: "This file type is not supported." },
  INTERNAL: {
    status: 500,
    vi: "Đã có lỗi hệ thống. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.",
    en: "Something went wrong on the server. Saved data is safe; please try again.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type TErrorCode = keyof typeof ERROR_MESSAGES;

export interface TApiError {
  error: { code: TErrorCode; message: string; details?: unknown };
}
