import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { setLanguage, type TLanguage } from "../i18n/index.ts";

const LANGUAGES: { value: TLanguage; label: string }[] = [
  { value: "vi", label: "VI" },
  { value: "en", label: "EN" },
];

/** Two small buttons (not antd's Segmented, one more chunk on the sign-in page for the same two choices). */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const current: TLanguage = i18n.language === "en" ? "en" : "vi";
  return (
    <Flex role="group" aria-label={t("common.language")} gap={2}>
      {LANGUAGES.map((l) => (
        <Button
          key={l.value}
          size="small"
          type={l.value === current ? "primary" : "text"}
          aria-pressed={l.value === current}
          onClick={() => void setLanguage(l.value)}
        >
          {l.label}
        </Button>
      ))}
    </Flex>
  );
}
