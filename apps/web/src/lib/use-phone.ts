import { useSyncExternalStore } from "react";

/** Below antd's `md` breakpoint (768 px): phones, where tables become cards and the menu a drawer. */
const PHONE = "(max-width: 767.98px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Read synchronously (no first render at desktop width on a phone), and again when the window is resized. */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}
