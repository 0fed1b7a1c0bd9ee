import { useCallback, useSyncExternalStore } from "react";

/** Below antd's `md` breakpoint (768 px): phones, where tables become cards and the menu a drawer. */
const PHONE = "(max-width: 767.98px)";

/** Whether a media query matches: read synchronously (no first render with the wrong answer), and again on change. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

/** A phone-sized window, followed when it is resized. */
export const usePhone = (): boolean => useMediaQuery(PHONE);
