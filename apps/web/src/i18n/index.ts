import { ERROR_MESSAGES } from "@chiso/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { assessmentsMessages } from "../features/assessments/messages.ts";
import { notificationsMessages } from "../features/notifications/messages.ts";
import { plansMessages } from "../features/plans/messages.ts";
import { ApiError } from "../lib/api.ts";
import { en } from "./en.ts";
import { vi } from "./vi.ts";

export type TLanguage = "vi" | "en";
const STORAGE_KEY = "chiso.language";

export function storedLanguage(): TLanguage {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
}

export function setLanguage(language: TLanguage) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: {
    vi: {
      translation: {
        ...vi,
        notifications: notificationsMessages.vi,
        plans: plansMessages.vi,
        assessments: assessmentsMessages.vi,
      },
    },
    en: {
      translation: {
        ...en,
        notifications: notificationsMessages.en,
        plans: plansMessages.en,
        assessments: assessmentsMessages.en,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: "vi",
  interpolation: { escapeValue: false },
});

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
