import type { TPlanDetail } from "@chiso/core";
import { Card, Col, Progress, Row, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";

type TGroup = TPlanDetail["bySection"][number];

function ProgressTable({ title, groups, testId }: { title: string; groups: TGroup[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<TGroup>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={groups}
        columns={[
          { title: t("plans.group"), dataIndex: "label" },
          { title: t("plans.total"), dataIndex: "total", width: 110, align: "right" },
          { title: t("plans.done"), dataIndex: "done", width: 110, align: "right" },
          {
            title: t("plans.overdue"),
            dataIndex: "overdue",
            width: 100,
            align: "right",
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
          },
          {
            title: t("plans.percent"),
            dataIndex: "percent",
            width: 220,
            render: (percent: number) => <Progress percent={Math.round(percent)} size="small" />,
          },
        ]}
      />
    </Card>
  );
}

/** Progress of a plan by section and by lead unit: who is behind, and where. */
export function PlanProgress({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <ProgressTable title={t("plans.bySection")} groups={plan.bySection} testId="progress-by-section" />
      </Col>
      <Col span={24}>
        <ProgressTable title={t("plans.byUnit")} groups={plan.byUnit} testId="progress-by-unit" />
      </Col>
    </Row>
  );
}
