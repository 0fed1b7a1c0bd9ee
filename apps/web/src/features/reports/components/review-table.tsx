import { formatNumberVi, type TReportStatus, type TReportSummary } from "@chiso/core";
import { Card, Empty, Flex, Input, List, Select, Space, Table, Tag, Typography } from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { usePhone } from "../../../lib/use-phone.ts";
import { ExportMenu } from "../../exports/components/export-menu.tsx";
import { usePeriods } from "../../periods/api/periods.ts";
import { useReviewList } from "../api/review-list.ts";
import { ReportStatusTag } from "./report-status-tag.tsx";

const PAGE_SIZE = 50;

/**
 * Reports of a period for reviewers, with evidence problems visible at a glance. The server filters (status,
 * search without accents), orders (indicator, role, unit) and pages: a province's period has tens of thousands.
 */
export function ReviewTable({ initialStatus }: { initialStatus?: TReportStatus } = {}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const periods = usePeriods();
  const [periodId, setPeriodId] = useState<string>();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<TReportStatus | undefined>(initialStatus);
  const [page, setPage] = useState(1);
  const selected = periodId ?? periods.data?.[0]?.id;
  const q = useDeferredValue(query.trim());
  const list = useReviewList(
    selected ? { periodId: selected, status, q: q || undefined, page, pageSize: PAGE_SIZE } : undefined,
  );
  const rows = list.data?.items ?? [];
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange: setPage,
  };
  const empty = <Empty description={selected ? t("reports.noReports") : t("reports.noPeriods")} />;
  const role = (r: TReportSummary) =>
    r.role === "lead" ? <Tag color="red">{t("reports.roles.lead")}</Tag> : <Tag>{t("reports.roles.cooperate")}</Tag>;
  const evidence = (r: TReportSummary) => (
    <>
      {r.evidenceRequired && r.evidenceCount === 0 ? (
        <Tag color="red">{t("reports.missingKinds.evidence")}</Tag>
      ) : (
        <Tag>{t("reports.documents", { count: r.evidenceCount })}</Tag>
      )}
      {r.docsWithoutMetadata > 0 && <Tag color="orange">{t("reports.missingKinds.doc_metadata")}</Tag>}
    </>
  );
  const selfPoints = (r: TReportSummary) =>
    r.selfPoints === null ? "—" : `${formatNumberVi(r.selfPoints, { decimals: 2 })}/${formatNumberVi(r.maxScore)}`;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} vertical={phone}>
        <Select
          aria-label={t("reports.period")}
          style={{ minWidth: phone ? 0 : 280, width: phone ? "100%" : undefined }}
          value={selected}
          onChange={(id) => {
            setPeriodId(id);
            setPage(1);
          }}
          loading={periods.isPending}
          options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.label} — ${p.frameworkName}` }))}
        />
        <ExportMenu periodId={selected} />
        <Select
          allowClear
          aria-label={t("reports.status")}
          placeholder={t("reports.status")}
          style={{ width: phone ? "100%" : 200 }}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
          options={(["draft", "submitted", "returned", "accepted", "verified", "appraised", "final"] as const).map(
            (s) => ({ value: s, label: <ReportStatusTag status={s} /> }),
          )}
        />
        <Input.Search
          allowClear
          placeholder={t("common.search")}
          aria-label={t("common.search")}
          style={{ width: phone ? "100%" : 300 }}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
        />
      </Flex>
      <ErrorAlert error={periods.error ?? list.error} />
      {phone ? (
        <List
          loading={list.isPending && Boolean(selected)}
          dataSource={rows}
          split={false}
          locale={{ emptyText: empty }}
          pagination={pagination.total > PAGE_SIZE ? { ...pagination, simple: true } : false}
          renderItem={(r) => (
            <List.Item style={{ padding: "0 0 12px" }}>
              <Card size="small" style={{ width: "100%" }} data-testid="review-card">
                <Flex vertical gap={6}>
                  <Link to={`/reports/${r.id}`}>
                    <Typography.Text strong>
                      {r.indicatorCode}. {r.indicatorName}
                    </Typography.Text>
                  </Link>
                  <Typography.Text>{r.unitName}</Typography.Text>
                  <Space size={4} wrap>
                    {role(r)}
                    <ReportStatusTag status={r.status} explanationDue={Boolean(r.explanationDueAt)} />
                    {evidence(r)}
                  </Space>
                  <Typography.Text type="secondary">
                    {t("reports.selfPoints")}: {selfPoints(r)} · {t("reports.appraisedPoints")}:{" "}
                    {r.appraisedPoints === null ? "—" : formatNumberVi(r.appraisedPoints, { decimals: 2 })}
                  </Typography.Text>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<TReportSummary>
          rowKey="id"
          size="small"
          loading={list.isPending && Boolean(selected)}
          dataSource={rows}
          tableLayout="fixed"
          scroll={{ x: 1000 }}
          pagination={pagination}
          locale={{ emptyText: empty }}
          columns={[
            {
              title: t("frameworks.name"),
              key: "indicator",
              render: (_, r) => (
                <Link to={`/reports/${r.id}`}>
                  {r.indicatorCode}. {r.indicatorName}
                </Link>
              ),
            },
            {
              title: t("reports.unit"),
              key: "unit",
              width: 220,
              render: (_, r) => (
                <Flex vertical gap={2} align="start">
                  <span>{r.unitName}</span>
                  {role(r)}
                </Flex>
              ),
            },
            {
              title: t("reports.status"),
              key: "status",
              width: 150,
              render: (_, r) => <ReportStatusTag status={r.status} explanationDue={Boolean(r.explanationDueAt)} />,
            },
            {
              title: t("reports.evidence"),
              key: "evidence",
              width: 170,
              render: (_, r) => (
                <Space size={4} wrap>
                  {evidence(r)}
                </Space>
              ),
            },
            {
              title: t("reports.selfPoints"),
              key: "self",
              width: 100,
              align: "right",
              render: (_, r) => selfPoints(r),
            },
            {
              title: t("reports.appraisedPoints"),
              dataIndex: "appraisedPoints",
              width: 100,
              align: "right",
              render: (p: number | null) => (p === null ? "—" : formatNumberVi(p, { decimals: 2 })),
            },
          ]}
        />
      )}
    </Flex>
  );
}
