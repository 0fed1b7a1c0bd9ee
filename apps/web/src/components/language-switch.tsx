import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { setLanguage, type TLanguage } from "../i18n/index.ts";

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<TLanguage>
      aria-label={t("common.language")}
      size="small"
      value={i18n.language === "en" ? "en" : "vi"}
      options={[
        { label: "VI", value: "vi" },
        { label: "EN", value: "en" },
      ]}
      onChange={setLanguage}
    />
  );
}
