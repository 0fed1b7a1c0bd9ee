import { WarningOutlined } from "@ant-design/icons";
import { formatDateVi, type TParsedTimeframe } from "@chiso/core";
import { Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** A timeframe as the plan writes it, with what the system understood below it (or a flag when it did not). */
export function TimeframeText({ text, parsed }: { text: string | null; parsed: TParsedTimeframe | null }) {
  const { t } = useTranslation();
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  let meaning: string | null = null;
  if (parsed?.kind === "range") {
    meaning = parsed.start
      ? `${formatDateVi(parsed.start)} – ${formatDateVi(parsed.end)}`
      : t("plans.until", { date: formatDateVi(parsed.end) });
  } else if (parsed?.kind === "recurring_yearly") {
    meaning = parsed.fromYear ? t("plans.recurring", { year: parsed.fromYear }) : null;
  } else if (parsed?.kind === "ongoing") meaning = t("plans.ongoing");
  return (
    <span>
      {text}
      {parsed?.kind === "unparsed" ? (
        <Tooltip title={t("plans.unparsed")}>
          {" "}
          <WarningOutlined style={{ color: "#faad14" }} aria-label={t("plans.unparsed")} />
        </Tooltip>
      ) : (
        meaning &&
        meaning !== text && (
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {meaning}
          </Typography.Text>
        )
      )}
    </span>
  );
}
