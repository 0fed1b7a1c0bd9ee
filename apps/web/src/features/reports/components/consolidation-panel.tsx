import { formatNumberVi, type TReportDetail, type TReportSummary } from "@chiso/core";
import { Card, Empty, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useReviewList } from "../api/review-list.ts";
import { ReportStatusTag } from "./report-status-tag.tsx";

/** For the lead agency: its cooperating units' reports on the same indicator and period, side by side. */
export function ConsolidationPanel({ report }: { report: TReportDetail }) {
  const { t } = useTranslation();
  // Up to 500 cooperating units side by side (the server's largest page).
  const list = useReviewList({
    periodId: report.period.id,
    indicatorId: report.indicator.id,
    role: "cooperate",
    pageSize: 500,
  });
  const rows = list.data?.items ?? [];
  const inputs = report.indicator.inputs.length
    ? report.indicator.inputs
    : [{ key: "value", label: t("values.value") }];
  const show = (v: unknown) =>
    typeof v === "number"
      ? formatNumberVi(v)
      : typeof v === "boolean"
        ? v
          ? t("common.yes")
          : t("common.no")
        : v
          ? String(v)
          : "—";
  return (
    <Card title={t("reports.consolidation")}>
      <Table<TReportSummary>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t("reports.noCooperating")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          {
            title: t("reports.unit"),
            dataIndex: "unitName",
            render: (name: string, r) => <Link to={`/reports/${r.id}`}>{name}</Link>,
          },
          {
            title: t("reports.status"),
            key: "status",
            width: 150,
            render: (_, r) => <ReportStatusTag status={r.status} explanationDue={Boolean(r.explanationDueAt)} />,
          },
          ...inputs.map((input) => ({
            title: input.label,
            key: input.key,
            align: "right" as const,
            render: (_: unknown, r: TReportSummary) => show(r.values[input.key]),
          })),
          {
            title: t("reports.evidence"),
            key: "evidence",
            width: 160,
            render: (_, r) => (
              <Space size={4}>
                {r.evidenceRequired && r.evidenceCount === 0 ? (
                  <Tag color="red">{t("reports.missingKinds.evidence")}</Tag>
                ) : (
                  <Tag>{t("reports.documents", { count: r.evidenceCount })}</Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
