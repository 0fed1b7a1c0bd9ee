import { DownloadOutlined } from "@ant-design/icons";
import { formatNumberVi, type TUnitRanking } from "@chiso/core";
import { Alert, Button, Empty, Flex, Table } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { unitRankingExportUrl, useUnitRanking } from "../api/dashboard.ts";

type TRow = TUnitRanking["rows"][number];

export function UnitRankingTable({ periodId }: { periodId: string | undefined }) {
  const { t } = useTranslation();
  const ranking = useUnitRanking(periodId);
  if (!periodId) return <Empty description={t("reports.noPeriods")} />;
  if (ranking.error) return <ErrorAlert error={ranking.error} onRetry={() => ranking.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {ranking.data && <Alert type="info" showIcon title={t("dashboard.formula")} description={ranking.data.formula} />}
      <Flex justify="end">
        <Button icon={<DownloadOutlined />} href={unitRankingExportUrl(periodId)}>
          {t("dashboard.exportRanking")}
        </Button>
      </Flex>
      <Table<TRow>
        rowKey="unitId"
        size="small"
        loading={ranking.isPending}
        dataSource={ranking.data?.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("dashboard.rank"), dataIndex: "rank", width: 70 },
          { title: t("reports.unit"), dataIndex: "unitName" },
          { title: t("dashboard.expected"), dataIndex: "expected", width: 100, align: "right" },
          {
            title: t("dashboard.timeliness"),
            dataIndex: "timeliness",
            width: 110,
            align: "right",
            render: (v: number) => `${formatNumberVi(v)}%`,
          },
          {
            title: t("dashboard.completeness"),
            dataIndex: "completeness",
            width: 120,
            align: "right",
            render: (v: number) => `${formatNumberVi(v)}%`,
          },
          { title: t("dashboard.returns"), dataIndex: "returns", width: 100, align: "right" },
          {
            title: t("dashboard.leadScore"),
            dataIndex: "leadScore",
            width: 120,
            align: "right",
            render: (v: number | null) => (v === null ? "—" : `${formatNumberVi(v)}%`),
          },
          {
            title: t("dashboard.score"),
            dataIndex: "score",
            width: 110,
            align: "right",
            render: (v: number) => <strong>{formatNumberVi(v, { decimals: 2 })}</strong>,
          },
        ]}
      />
    </Flex>
  );
}
