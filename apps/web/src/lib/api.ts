import type { TErrorCode } from "@chiso/core";

/** An error answered by the API: a stable code and a message the user can read. */
export class ApiError extends Error {
  constructor(
    readonly code: TErrorCode | "NETWORK",
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type TMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** The one HTTP client of the web: JSON in and out (or a file upload), the session cookie, errors as ApiError. */
export async function api<T>(method: TMethod, url: string, body?: unknown): Promise<T> {
  const isUpload = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined || isUpload ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : isUpload ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("NETWORK", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.", 0);
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      error?.code ?? "INTERNAL",
      error?.message ?? `Lỗi ${response.status}`,
      response.status,
      error?.details,
    );
  }
  return payload as T;
}
