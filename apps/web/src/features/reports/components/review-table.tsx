import { formatNumberVi, type TReportStatus, type TReportSummary } from "@chiso/core";
import { Empty, Flex, Input, Select, Space, Table, Tag } from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { ExportMenu } from "../../exports/components/export-menu.tsx";
import { usePeriods } from "../../periods/api/periods.ts";
import { useReviewList } from "../api/review-list.ts";
import { ReportStatusTag } from "./report-status-tag.tsx";

const PAGE_SIZE = 50;

/**
 * Reports of a period for reviewers, with evidence problems visible at a glance. The server filters (status,
 * search without accents), orders (indicator, role, unit) and pages: a province's period has tens of thousands.
 */
export function ReviewTable() {
  const { t } = useTranslation();
  const periods = usePeriods();
  const [periodId, setPeriodId] = useState<string>();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<TReportStatus>();
  const [page, setPage] = useState(1);
  const selected = periodId ?? periods.data?.[0]?.id;
  const q = useDeferredValue(query.trim());
  const list = useReviewList(
    selected ? { periodId: selected, status, q: q || undefined, page, pageSize: PAGE_SIZE } : undefined,
  );
  const rows = list.data?.items ?? [];

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select
          aria-label={t("reports.period")}
          style={{ minWidth: 280 }}
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
          style={{ width: 200 }}
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
          style={{ width: 300 }}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
        />
      </Space>
      <ErrorAlert error={periods.error ?? list.error} />
      <Table<TReportSummary>
        rowKey="id"
        size="small"
        loading={list.isPending && Boolean(selected)}
        dataSource={rows}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        locale={{ emptyText: <Empty description={selected ? t("reports.noReports") : t("reports.noPeriods")} /> }}
        columns={[
          {
            title: t("frameworks.code"),
            dataIndex: "indicatorCode",
            width: 70,
          },
          {
            title: t("frameworks.name"),
            dataIndex: "indicatorName",
            render: (name: string, r) => <Link to={`/reports/${r.id}`}>{name}</Link>,
          },
          { title: t("reports.unit"), dataIndex: "unitName", width: 200 },
          {
            title: t("reports.role"),
            dataIndex: "role",
            width: 100,
            render: (role: string) =>
              role === "lead" ? (
                <Tag color="red">{t("reports.roles.lead")}</Tag>
              ) : (
                <Tag>{t("reports.roles.cooperate")}</Tag>
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
            width: 200,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.evidenceRequired && r.evidenceCount === 0 ? (
                  <Tag color="red">{t("reports.missingKinds.evidence")}</Tag>
                ) : (
                  <Tag>{t("reports.documents", { count: r.evidenceCount })}</Tag>
                )}
                {r.docsWithoutMetadata > 0 && <Tag color="orange">{t("reports.missingKinds.doc_metadata")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("reports.selfPoints"),
            key: "self",
            width: 110,
            align: "right",
            render: (_, r) =>
              r.selfPoints === null
                ? "—"
                : `${formatNumberVi(r.selfPoints, { decimals: 2 })}/${formatNumberVi(r.maxScore)}`,
          },
          {
            title: t("reports.appraisedPoints"),
            dataIndex: "appraisedPoints",
            width: 110,
            align: "right",
            render: (p: number | null) => (p === null ? "—" : formatNumberVi(p, { decimals: 2 })),
          },
        ]}
      />
    </Flex>
  );
}
