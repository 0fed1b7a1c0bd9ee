import { canSomewhere, holdsUnitRole } from "@chiso/core";
import { Flex, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMe } from "../../auth/api/get-me.ts";
import { PeriodsPanel } from "../../periods/components/periods-panel.tsx";
import { ReviewTable } from "./review-table.tsx";
import { WorklistTable } from "./worklist-table.tsx";

export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  if (!me) return null;
  const reportsForUnit = holdsUnitRole(me);
  const tabs = [
    ...(reportsForUnit ? [{ key: "work", label: t("reports.tabs.work"), children: <WorklistTable /> }] : []),
    { key: "review", label: t("reports.tabs.review"), children: <ReviewTable /> },
    { key: "periods", label: t("reports.tabs.periods"), children: <PeriodsPanel /> },
  ];
  const active =
    params.get("tab") ?? (reportsForUnit ? "work" : canSomewhere(me, "period.manage") ? "periods" : "review");
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("nav.reports")}
      </Typography.Title>
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={tabs} />
    </Flex>
  );
}
