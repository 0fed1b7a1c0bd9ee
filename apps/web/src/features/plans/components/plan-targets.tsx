import { formatNumberVi, type TPlanTarget } from "@chiso/core";
import { Card, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";

const SYMBOL = { ">=": "≥", "<=": "≤", "=": "=" } as const;

/** The plan's quantitative targets; those linked to an indicator show its latest reported value. */
export function PlanTargets({ targets }: { targets: TPlanTarget[] }) {
  const { t } = useTranslation();
  if (targets.length === 0) return null;
  return (
    <Card size="small" title={t("plans.targets")}>
      <Table<TPlanTarget>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={targets}
        columns={[
          { title: t("plans.target"), dataIndex: "label" },
          {
            title: t("plans.targetValue"),
            key: "value",
            width: 130,
            render: (_, x) =>
              x.targetValue === null ? "—" : `${SYMBOL[x.comparator]} ${formatNumberVi(x.targetValue)}${x.unit ?? ""}`,
          },
          {
            title: t("plans.indicator"),
            key: "indicator",
            width: 220,
            render: (_, x) =>
              x.indicator ? (
                `${x.indicator.code} ${x.indicator.name}`
              ) : x.metric ? (
                t(`plans.metrics.${x.metric}`)
              ) : (
                <Typography.Text type="secondary">{t("plans.notLinked")}</Typography.Text>
              ),
          },
          {
            title: t("plans.current"),
            key: "current",
            width: 200,
            render: (_, x) =>
              x.current === null ? (
                <Typography.Text type="secondary">{x.indicator ? t("plans.notReported") : "—"}</Typography.Text>
              ) : (
                <span>
                  {formatNumberVi(x.current)}
                  {x.basis === "percent" ? "%" : ""}{" "}
                  {x.met !== null && (
                    <Tag color={x.met ? "success" : "warning"}>{x.met ? t("plans.met") : t("plans.notMet")}</Tag>
                  )}
                  {x.periodLabel && (
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {t("plans.currentFrom", { period: x.periodLabel })}
                    </Typography.Text>
                  )}
                </span>
              ),
          },
        ]}
      />
    </Card>
  );
}
