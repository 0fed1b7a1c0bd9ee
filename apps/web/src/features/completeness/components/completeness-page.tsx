import { DownloadOutlined, NotificationOutlined } from "@ant-design/icons";
import {
  canSomewhere,
  formatDateTimeVi,
  formatPercentVi,
  ratioOf,
  rolesHeld,
  type TCompletenessCounts,
  type TCompletenessIndicator,
  type TCompletenessPage,
  type TCompletenessUnit,
} from "@chiso/core";
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { usePeriods } from "../../periods/api/periods.ts";
import { useChaseUnits } from "../api/chase-units.ts";
import { completenessExportUrl, useCompleteness, useUnitOpenSlots } from "../api/get-completeness.ts";

const percent = (part: number, whole: number) =>
  formatPercentVi(ratioOf(part, whole), { fromRatio: true, maxDecimals: 1 });

/** Tỷ lệ báo cáo: per unit and per indicator, who reported on time, late, or not at all — and "đôn đốc ngay". */
export function CompletenessPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const periodId = params.get("periodId") ?? periods.data?.[0]?.id;
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const data = useCompleteness(periodId ? { periodId, page, pageSize: PAGE_SIZE, q: q || undefined } : undefined);
  const table: TUnitPaging = {
    page,
    setPage,
    query,
    setQuery: (next) => {
      setQuery(next);
      setPage(1);
    },
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("notifications.completeness.title")}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Select
            aria-label={t("notifications.completeness.period")}
            style={{ minWidth: "min(320px, calc(100vw - 32px))", maxWidth: "calc(100vw - 32px)" }}
            value={periodId}
            loading={periods.isPending}
            placeholder={t("notifications.completeness.period")}
            notFoundContent={t("notifications.completeness.noPeriods")}
            onChange={(id) => {
              setParams({ periodId: id });
              setPage(1);
            }}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.label} — ${p.frameworkName}` }))}
          />
          {periodId && (
            <Button icon={<DownloadOutlined />} href={completenessExportUrl(periodId)}>
              {t("notifications.completeness.export")}
            </Button>
          )}
          {data.data && me && (canSomewhere(me, "completeness.chaseAll") || rolesHeld(me).includes("unit_lead")) && (
            <ChaseAllButton data={data.data} />
          )}
        </Flex>
      </Flex>
      <ErrorAlert error={periods.error ?? data.error} onRetry={() => data.refetch()} />
      {data.data && <CompletenessBody data={data.data} table={table} />}
      {!periods.isPending && !periods.data?.length && (
        <Typography.Text type="secondary">{t("notifications.completeness.noPeriods")}</Typography.Text>
      )}
    </Flex>
  );
}

function useChase(periodId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chase = useChaseUnits();
  const run = (unitIds?: string[]) =>
    chase.mutate(
      { periodId, unitIds },
      {
        onSuccess: (result) => {
          void message.success(t("notifications.completeness.chased", { count: result.chased.length }));
          if (result.skipped.length)
            void message.info(t("notifications.completeness.skipped", { count: result.skipped.length }));
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  return { run, pending: chase.isPending };
}

function ChaseAllButton({ data }: { data: TCompletenessPage }) {
  const { t } = useTranslation();
  const chase = useChase(data.period.id);
  const count = data.chaseableUnits;
  return (
    <Popconfirm
      title={t("notifications.completeness.chaseConfirm", { count })}
      okText={t("notifications.completeness.chase")}
      cancelText={t("common.cancel")}
      onConfirm={() => chase.run()}
      disabled={!count}
    >
      <Button
        type="primary"
        danger
        icon={<NotificationOutlined />}
        disabled={!count}
        loading={chase.pending}
        title={count ? undefined : t("notifications.completeness.chaseNone")}
      >
        {t("notifications.completeness.chase")}
      </Button>
    </Popconfirm>
  );
}

const PAGE_SIZE = 50;

/** The unit table's page and search, kept by the page so a new period starts again at page 1. */
interface TUnitPaging {
  page: number;
  setPage(page: number): void;
  query: string;
  setQuery(query: string): void;
}

function CompletenessBody({ data, table }: { data: TCompletenessPage; table: TUnitPaging }) {
  const { t } = useTranslation();
  const c = data.totals;
  return (
    <>
      <Flex gap={8} wrap align="center">
        <Typography.Text>
          {data.period.frameworkName} · {t("reports.deadline")}: {formatDateTimeVi(data.period.deadline)}
        </Typography.Text>
        {data.period.isClosed && <Tag>{t("notifications.completeness.closed")}</Tag>}
        {data.scope === "lead" && <Tag color="blue">{t("notifications.completeness.scopeLead")}</Tag>}
      </Flex>
      <Row gutter={[12, 12]}>
        {(
          [
            ["expected", c.expected, undefined],
            ["submitted", c.submitted, percent(c.submitted, c.expected)],
            ["onTime", c.onTime, percent(c.onTime, c.expected)],
            ["late", c.late, undefined],
            ["missing", c.missing, c.overdue ? `${t("notifications.completeness.overdue")}: ${c.overdue}` : undefined],
            ["withEvidence", c.withEvidence, undefined],
          ] as const
        ).map(([key, value, suffix]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t(`notifications.completeness.${key}`)} value={value} />
              {suffix && <Typography.Text type="secondary">{suffix}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t("notifications.completeness.how")}</Typography.Text>
      <Tabs
        items={[
          {
            key: "units",
            label: t("notifications.completeness.byUnit"),
            children: <UnitTable data={data} table={table} />,
          },
          {
            key: "indicators",
            label: t("notifications.completeness.byIndicator"),
            children: <IndicatorTable data={data} />,
          },
        ]}
      />
    </>
  );
}

function countColumns<T extends { counts: TCompletenessCounts }>(t: (key: string) => string): TableColumnsType<T> {
  const n = (key: keyof TCompletenessCounts) => ({
    title: t(`notifications.completeness.${key}`),
    key,
    width: 90,
    align: "right" as const,
    sorter: (a: T, b: T) => a.counts[key] - b.counts[key],
    render: (_: unknown, row: T) => row.counts[key],
  });
  return [
    n("expected"),
    n("submitted"),
    n("onTime"),
    n("late"),
    {
      ...n("missing"),
      render: (_: unknown, row: T) =>
        row.counts.overdue ? (
          <Typography.Text type="danger" strong>
            {row.counts.missing}
          </Typography.Text>
        ) : (
          row.counts.missing
        ),
    },
    n("withEvidence"),
    {
      title: t("notifications.completeness.submittedRate"),
      key: "rate",
      width: 100,
      align: "right",
      sorter: (a, b) =>
        (ratioOf(a.counts.submitted, a.counts.expected) ?? 0) - (ratioOf(b.counts.submitted, b.counts.expected) ?? 0),
      render: (_, row) => percent(row.counts.submitted, row.counts.expected),
    },
    {
      title: t("notifications.completeness.onTimeRate"),
      key: "onTimeRate",
      width: 100,
      align: "right",
      render: (_, row) => percent(row.counts.onTime, row.counts.expected),
    },
  ];
}

function DeadlineCell({ unit }: { unit: TCompletenessUnit }) {
  const { t } = useTranslation();
  const when =
    unit.daysLeft > 0
      ? t("notifications.completeness.daysLeft", { count: unit.daysLeft })
      : unit.daysLeft === 0
        ? t("notifications.completeness.today")
        : t("notifications.completeness.daysLate", { count: -unit.daysLeft });
  return (
    <Flex vertical>
      <span>{formatDateTimeVi(unit.deadline)}</span>
      <Flex gap={4} wrap>
        {unit.counts.missing > 0 && (
          <Typography.Text type={unit.daysLeft < 0 ? "danger" : "secondary"} style={{ fontSize: 12 }}>
            {when}
          </Typography.Text>
        )}
        {unit.extended && <Tag color="gold">{t("notifications.completeness.extended")}</Tag>}
      </Flex>
    </Flex>
  );
}

function UnitTable({ data, table }: { data: TCompletenessPage; table: TUnitPaging }) {
  const { t } = useTranslation();
  const chase = useChase(data.period.id);
  const indicators = new Map(data.indicators.map((i) => [i.indicatorId, i]));
  const columns: TableColumnsType<TCompletenessUnit> = [
    {
      title: t("notifications.completeness.unit"),
      dataIndex: "unitName",
      width: 260,
      fixed: "left",
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, "vi"),
      render: (name: string, unit) => (
        <Flex gap={6} wrap align="center">
          <span>{name}</span>
          {unit.counts.overdue > 0 && (
            <Tag color="red">
              {t("notifications.completeness.overdue")}: {unit.counts.overdue}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t("notifications.completeness.deadline"),
      key: "deadline",
      width: 170,
      render: (_, u) => <DeadlineCell unit={u} />,
    },
    ...countColumns<TCompletenessUnit>(t),
    {
      title: t("notifications.completeness.lastChased"),
      dataIndex: "lastChasedAt",
      width: 140,
      render: (at: string | null) => (at ? formatDateTimeVi(at) : "—"),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 110,
      render: (_, unit) =>
        unit.chaseable && (
          <Popconfirm
            title={t("notifications.completeness.chaseConfirmOne", { unit: unit.unitName })}
            okText={t("notifications.completeness.chaseUnit")}
            cancelText={t("common.cancel")}
            onConfirm={() => chase.run([unit.unitId])}
          >
            <Button size="small" aria-label={`${t("notifications.completeness.chaseUnit")} ${unit.unitName}`}>
              {t("notifications.completeness.chaseUnit")}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        placeholder={t("common.search")}
        aria-label={t("common.search")}
        style={{ width: 300 }}
        value={table.query}
        onChange={(e) => table.setQuery(e.target.value)}
      />
      <Table<TCompletenessUnit>
        rowKey="unitId"
        size="small"
        dataSource={data.units}
        columns={columns}
        pagination={{
          current: table.page,
          pageSize: PAGE_SIZE,
          total: data.unitsTotal,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: table.setPage,
        }}
        scroll={{ x: 1500 }}
        expandable={{
          rowExpandable: (unit) => unit.counts.missing + unit.counts.late > 0,
          expandedRowRender: (unit) => <UnitOpenSlots periodId={data.period.id} unit={unit} indicators={indicators} />,
        }}
      />
    </Flex>
  );
}

/** A unit's late and missing reports, fetched when its row is opened. */
function UnitOpenSlots({
  periodId,
  unit,
  indicators,
}: {
  periodId: string;
  unit: TCompletenessUnit;
  indicators: Map<string, TCompletenessIndicator>;
}) {
  const { t } = useTranslation();
  const slots = useUnitOpenSlots(periodId, unit.unitId);
  if (slots.error) return <ErrorAlert error={slots.error} />;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t("notifications.completeness.missingReports")}</Typography.Text>
      {!slots.data && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {slots.data?.slots.map((s) => {
        const indicator = indicators.get(s.indicatorId);
        return (
          <Flex key={s.indicatorId} gap={8} align="center">
            <Tag color={s.status === "late" ? "orange" : "red"}>
              {t(`notifications.completeness.status.${s.status}`)}
            </Tag>
            {s.reportId ? (
              <Link to={`/reports/${s.reportId}`}>
                {indicator?.code}. {indicator?.name}
              </Link>
            ) : (
              <span>
                {indicator?.code}. {indicator?.name}
              </span>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}

function IndicatorTable({ data }: { data: TCompletenessPage }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TCompletenessIndicator> = [
    { title: t("frameworks.code"), dataIndex: "code", width: 70 },
    { title: t("notifications.completeness.indicator"), dataIndex: "name" },
    { title: t("notifications.completeness.lead"), dataIndex: "leadUnitName", width: 180 },
    ...countColumns<TCompletenessIndicator>(t),
  ];
  return (
    <Table<TCompletenessIndicator>
      rowKey="indicatorId"
      size="small"
      dataSource={data.indicators}
      columns={columns}
      pagination={false}
      scroll={{ x: 1200 }}
    />
  );
}
