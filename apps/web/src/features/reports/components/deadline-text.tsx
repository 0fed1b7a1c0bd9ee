import { formatDateTimeVi } from "@chiso/core";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";

/** "24/06/2025 23:59 · còn 3 ngày", in red when late or within 3 days. */
export function DeadlineText({ deadline, daysLeft, open }: { deadline: string; daysLeft: number; open: boolean }) {
  const { t } = useTranslation();
  const urgent = !open || daysLeft <= 3;
  const left = !open
    ? t("reports.late", { count: Math.abs(daysLeft) })
    : daysLeft === 0
      ? t("reports.today")
      : t("reports.daysLeft", { count: daysLeft });
  return (
    <span>
      {formatDateTimeVi(deadline)}{" "}
      <Typography.Text type={urgent ? "danger" : "secondary"} strong={urgent}>
        · {left}
      </Typography.Text>
    </span>
  );
}
