import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api.ts";

/** Bytes received so far, and the size when the server announced one (exact, or an estimate for a zip). */
export interface TDownloadProgress {
  received: number;
  total: number | null;
}

/**
 * Downloads an export and saves it under the server's file name. Not `api()` (lib/api.ts): that client reads
 * JSON, while an export is a stream of bytes read chunk by chunk so the user sees it arrive. Errors answered
 * before the first byte (403, 404) come back as the usual ApiError with the server's Vietnamese message.
 */
export async function downloadExport(
  url: string,
  onProgress: (progress: TDownloadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("NETWORK", "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.", 0);
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null))?.error;
    throw new ApiError(
      error?.code ?? "INTERNAL",
      error?.message ?? `Lỗi ${response.status}`,
      response.status,
      error?.details,
    );
  }
  const total =
    Number(response.headers.get("content-length")) || Number(response.headers.get("x-expected-length")) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress({ received, total });
    }
  }
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  saveBlob(new Blob(chunks, { type }), fileNameOf(response.headers.get("content-disposition")) ?? "tai-ve");
}

/** The name in `filename*=UTF-8''…` (Vietnamese kept), else in `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

function saveBlob(blob: Blob, fileName: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the save asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

export interface TActiveDownload {
  key: string;
  progress: TDownloadProgress;
}

/** One download at a time, with its progress and a way to cancel it. */
export function useExportDownload() {
  const [active, setActive] = useState<TActiveDownload | null>(null);
  const controller = useRef<AbortController | null>(null);
  const start = useCallback(async (key: string, url: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setActive({ key, progress: { received: 0, total: null } });
    try {
      await downloadExport(url, (progress) => setActive({ key, progress }), abort.signal);
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setActive(null);
      }
    }
  }, []);
  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setActive(null);
  }, []);
  useEffect(() => () => controller.current?.abort(), []);
  return { active, start, cancel };
}
