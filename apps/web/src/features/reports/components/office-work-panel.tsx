import { formatNumberVi, type TOfficeWork, type TReportDetail } from "@chiso/core";
import { Card, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useOfficeWork } from "../api/reusable-documents.ts";
import { ReportStatusTag } from "./report-status-tag.tsx";

/**
 * Reporting up: what the agency's offices sent, in the agency's own cycle, on the item that carries this
 * province indicator's code — so the agency's report is built from its offices' work. Hidden when there is none.
 */
export function OfficeWorkPanel({ report }: { report: TReportDetail }) {
  const { t } = useTranslation();
  const work = useOfficeWork(report.id);
  const rows = work.data ?? [];
  if (rows.length === 0) return null;
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
    <Card title={t("reports.officeWork")}>
      <Typography.Paragraph type="secondary">{t("reports.officeWorkHint")}</Typography.Paragraph>
      <Table<TOfficeWork>
        rowKey="reportId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t("reports.unit"),
            dataIndex: "unitName",
            render: (name: string, r) => <Link to={`/reports/${r.reportId}`}>{name}</Link>,
          },
          {
            title: t("reports.officeItem"),
            key: "item",
            render: (_, r) => `${r.frameworkCode} · ${r.indicatorCode} · ${r.periodLabel}`,
          },
          {
            title: t("reports.status"),
            key: "status",
            render: (_, r) => <ReportStatusTag status={r.status} />,
          },
          {
            title: t("values.value"),
            key: "values",
            render: (_, r) => Object.values(r.values).map(show).join(" / ") || "—",
          },
          {
            title: t("reports.evidence"),
            key: "documents",
            render: (_, r) =>
              r.documents.length === 0 ? (
                <Tag color="red">{t("reports.missingKinds.evidence")}</Tag>
              ) : (
                <Space size={4} wrap>
                  {r.documents.map((d) => (
                    <Tag key={d.id}>{d.docNumber ?? d.fileName}</Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
