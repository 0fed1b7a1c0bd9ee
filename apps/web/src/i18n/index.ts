import { ERROR_MESSAGES } from "@chiso/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { ApiError } from "../lib/api.ts";
import { vi } from "./vi.ts";

export type TLanguage = "vi" | "en";
const STORAGE_KEY = "chiso.language";

export function storedLanguage(): TLanguage {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
}

let englishLoaded = false;

/** English is loaded when first chosen: most users never switch, and the first load is lighter without it. */
export async function setLanguage(language: TLanguage) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  if (language === "en" && !englishLoaded) {
    const { en } = await import("./en.ts");
    i18n.addResourceBundle("en", "translation", en, true, false);
    englishLoaded = true;
  }
  await i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: "vi",
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
});
if (storedLanguage() === "en") void setLanguage("en");

/**
 * Adds a feature's strings under `t("<namespace>.…")` when its code loads (the shell, a page), so the first load
 * carries only the strings of the sign-in page and the shared ones (docs/performance.md, "The first load").
 */
export function registerMessages<T extends object>(namespace: string, messages: { vi: T; en: T }) {
  i18n.addResourceBundle("vi", "translation", { [namespace]: messages.vi }, true, true);
  i18n.addResourceBundle("en", "translation", { [namespace]: messages.en }, true, true);
}

/**
 * The message to show for an error: the server's own Vietnamese message (it is often more specific), or
 * the English message of its code when the UI is in English.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (i18n.language === "en" && error.code !== "NETWORK" && error.code in ERROR_MESSAGES) {
      return ERROR_MESSAGES[error.code].en;
    }
    return error.message;
  }
  return i18n.language === "en" ? ERROR_MESSAGES.INTERNAL.en : ERROR_MESSAGES.INTERNAL.vi;
}

export default i18n;
