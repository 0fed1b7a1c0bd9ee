import { REPORT_STATUS_LABELS, type TReportStatus } from "@chiso/core";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const COLORS: Record<TReportStatus, string> = {
  draft: "default",
  submitted: "blue",
  returned: "orange",
  accepted: "cyan",
  verified: "geekblue",
  appraised: "purple",
  final: "green",
};

/** A report's status; "not started" when there is no report yet. */
export function ReportStatusTag({
  status,
  explanationDue,
}: {
  status: TReportStatus | null;
  explanationDue?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!status) return <Tag>{t("reports.notStarted")}</Tag>;
  const label =
    explanationDue && status === "returned"
      ? t("reports.explanationRequested")
      : REPORT_STATUS_LABELS[status][i18n.language === "en" ? "en" : "vi"];
  return <Tag color={COLORS[status]}>{label}</Tag>;
}
