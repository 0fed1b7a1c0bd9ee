import type { TTaskStatus } from "@chiso/core";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { registerMessages } from "../../../i18n/index.ts";
import { plansMessages } from "../messages.ts";

// Shown outside the plan pages too (an agency's assessment result), so it brings its own words.
registerMessages("plans", plansMessages);

const COLORS: Record<TTaskStatus, string> = {
  not_started: "default",
  in_progress: "processing",
  done: "success",
  late: "warning",
};

/** The status a lead unit reported, and — whatever it reported — an overdue flag when the timeframe has passed. */
export function TaskStatusTag({ status, overdue }: { status: TTaskStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]}>{t(`plans.statuses.${status}`)}</Tag>
      {overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t("plans.overdueTag")}
        </Tag>
      )}
    </Space>
  );
}
