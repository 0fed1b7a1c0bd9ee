import { PrinterOutlined } from "@ant-design/icons";
import {
  compareCodes,
  formatNumberVi,
  LOSS_REASON_LABELS,
  type TDashboard,
  type TDashboardIndicator,
  type TDashboardMain,
} from "@chiso/core";
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { usePhone } from "../../../lib/use-phone.ts";
import { useFrameworks } from "../../frameworks/api/list-frameworks.ts";
import { useDashboard } from "../api/dashboard.ts";
import { SubmissionHeatmap } from "./heatmap.tsx";
import { OfficialResultsPanel } from "./official-results-panel.tsx";
import { PointLossTable } from "./point-loss-table.tsx";
import { UnitRankingTable } from "./unit-ranking-table.tsx";

// ECharts is the heaviest library of the UI: loaded only when a chart is drawn, not with the page.
const MainRadar = lazy(async () => ({ default: (await import("./charts.tsx")).MainRadar }));
const TrendChart = lazy(async () => ({ default: (await import("./charts.tsx")).TrendChart }));

/** Tổng quan: where the province stands, where points are lost, who is late — readable in a minute, printable. */
export function DashboardPage({ extra }: { extra?: (dashboard: TDashboard) => ReactNode }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const frameworks = useFrameworks();
  const frameworkId = params.get("framework") ?? undefined;
  const periodId = params.get("period") ?? undefined;
  const dashboard = useDashboard(frameworkId, periodId);
  const [tab, setTab] = useState("overview");
  const phone = usePhone();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "framework") next.delete("period");
    setParams(next);
  };

  if (dashboard.error) return <ErrorAlert error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  if (!dashboard.data) return <Skeleton active />;
  const d = dashboard.data;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.overview")} — {d.period?.label ?? t("dashboard.noPeriod")}
        </Typography.Title>
        <Space wrap className="no-print" style={phone ? { width: "100%" } : undefined}>
          <Select
            aria-label={t("frameworks.choose")}
            style={phone ? { width: "calc(100vw - 24px)" } : { minWidth: 280 }}
            value={d.framework.id}
            onChange={(id) => set("framework", id)}
            // Every published framework the user may see (the server lists them by scope): the province's and,
            // for a coordinator over them, each agency's own cycle.
            options={(frameworks.data ?? [])
              .filter((f) => f.status !== "draft")
              .map((f) => ({ value: f.id, label: f.ownerUnitId ? `${f.name} — ${f.ownerName}` : f.name }))}
          />
          <Select
            aria-label={t("reports.period")}
            style={{ minWidth: 150 }}
            value={d.period?.id}
            onChange={(id) => set("period", id)}
            options={d.periods.map((p) => ({ value: p.id, label: p.label }))}
            placeholder={t("dashboard.noPeriod")}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t("common.print")}
          </Button>
        </Space>
      </Flex>
      <SummaryCards dashboard={d} />
      {extra?.(d)}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "overview", label: t("dashboard.tabs.overview"), children: <OverviewTab dashboard={d} /> },
          { key: "loss", label: t("dashboard.tabs.loss"), children: <PointLossTable dashboard={d} /> },
          {
            key: "heatmap",
            label: t("dashboard.tabs.heatmap"),
            children: <SubmissionHeatmap periodId={d.period?.id} />,
          },
          { key: "units", label: t("dashboard.tabs.units"), children: <UnitRankingTable periodId={d.period?.id} /> },
          { key: "official", label: t("dashboard.tabs.official"), children: <OfficialResultsPanel dashboard={d} /> },
        ]}
      />
    </Flex>
  );
}

function SummaryCards({ dashboard: d }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  const target = d.target.total;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t("dashboard.total")}
            value={formatNumberVi(d.totals.total, { decimals: 2 })}
            suffix={`/ ${formatNumberVi(d.totals.maxTotal)}`}
          />
          <Typography.Text type="secondary" data-testid="self-total">
            {t("dashboard.selfAssessed")}: {formatNumberVi(d.totals.selfTotal, { decimals: 2 })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic title={t("dashboard.index")} value={formatNumberVi(d.totals.index, { decimals: 4 })} />
          <Typography.Text type="secondary">
            {d.official
              ? `${t("dashboard.official")}: ${formatNumberVi(d.official.index, { decimals: 4 })}`
              : t("dashboard.noOfficialShort")}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t("dashboard.towardsTarget", { target: target ? formatNumberVi(target) : "—" })}
            value={target ? Math.round((d.totals.total / target) * 100) : 0}
            suffix="%"
          />
          {target && <Progress percent={Math.min(100, Math.round((d.totals.total / target) * 100))} showInfo={false} />}
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card>
          <Statistic
            title={t("dashboard.pointsLost")}
            value={formatNumberVi(d.totals.pointsLost, { decimals: 2 })}
            valueStyle={{ color: "#cf1322" }}
          />
          <Typography.Text type="secondary">
            {t("dashboard.recoverable")}: +{formatNumberVi(d.totals.recoverable, { decimals: 2 })}
            {d.official && ` · ${t("dashboard.officialRank")}: ${d.official.rank}/${d.official.provinceCount}`}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function OverviewTab({ dashboard: d }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t("dashboard.radar", { count: d.mains.filter((m) => m.maxScore > 0).length })}>
          {d.period ? (
            <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 340 }} />}>
              <MainRadar dashboard={d} />
            </Suspense>
          ) : (
            <Empty description={t("dashboard.noPeriod")} />
          )}
          <MainsTable dashboard={d} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("dashboard.topLosses")}>
          <PointLossTable dashboard={d} limit={8} />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t("dashboard.trend")}>
          {d.trend.length > 1 && (
            <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 260 }} />}>
              <TrendChart dashboard={d} />
            </Suspense>
          )}
          <Table
            size="small"
            rowKey="periodId"
            pagination={false}
            dataSource={d.trend}
            columns={[
              { title: t("reports.period"), dataIndex: "label" },
              {
                title: t("dashboard.counted"),
                dataIndex: "total",
                align: "right",
                render: (v: number) => formatNumberVi(v, { decimals: 2 }),
              },
              {
                title: t("dashboard.selfAssessed"),
                dataIndex: "selfTotal",
                align: "right",
                render: (v: number) => formatNumberVi(v, { decimals: 2 }),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t("dashboard.allIndicators")}>
          <IndicatorsTable dashboard={d} />
        </Card>
      </Col>
    </Row>
  );
}

/** The radar as a table, for reading, printing and screen readers. */
function MainsTable({ dashboard: d }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  return (
    <Table<TDashboardMain>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...d.mains].sort((a, b) => Number(b.maxScore > 0) - Number(a.maxScore > 0))}
      data-testid="mains-table"
      columns={[
        { title: t("frameworks.code"), dataIndex: "code", width: 50 },
        {
          title: t("frameworks.name"),
          dataIndex: "name",
          // A main indicator worth 0 points (smart city) is listed, but said not to count, so the rows match the title.
          render: (name: string, m) =>
            m.maxScore > 0 ? (
              name
            ) : (
              <>
                {name} <Tag>{t("dashboard.notScored")}</Tag>
              </>
            ),
        },
        {
          title: t("dashboard.counted"),
          key: "points",
          align: "right",
          render: (_, m) => `${formatNumberVi(m.points, { decimals: 2 })}/${formatNumberVi(m.maxScore)}`,
        },
        {
          title: "%",
          dataIndex: "value",
          align: "right",
          width: 70,
          render: (v: number, m) => (m.maxScore ? `${formatNumberVi(v * 100, { maxDecimals: 1 })}` : "—"),
        },
        {
          title: t("dashboard.official"),
          key: "official",
          align: "right",
          width: 110,
          render: (_, m) =>
            m.officialValue === null
              ? "—"
              : `${formatNumberVi(m.officialValue * 100, { maxDecimals: 1 })}% (#${m.officialRank ?? "?"})`,
        },
      ]}
    />
  );
}

function IndicatorsTable({ dashboard: d }: { dashboard: TDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const rows = d.indicators.filter((i) => i.isLeaf).sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Table<TDashboardIndicator>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 60, hideOnSinglePage: true }}
      columns={[
        { title: t("frameworks.code"), dataIndex: "code", width: 60 },
        {
          title: t("frameworks.name"),
          dataIndex: "name",
          // A main indicator worth 0 points (smart city) is listed, but said not to count, so the rows match the title.
          render: (name: string, m) =>
            m.maxScore > 0 ? (
              name
            ) : (
              <>
                {name} <Tag>{t("dashboard.notScored")}</Tag>
              </>
            ),
        },
        {
          title: t("dashboard.counted"),
          key: "p",
          width: 110,
          align: "right",
          render: (_, i) => `${formatNumberVi(i.points, { decimals: 2 })}/${formatNumberVi(i.maxScore)}`,
        },
        {
          title: t("dashboard.pointsLost"),
          dataIndex: "pointsLost",
          width: 100,
          align: "right",
          render: (v: number) => (v ? formatNumberVi(v, { decimals: 2 }) : "—"),
        },
        {
          title: t("dashboard.reason"),
          dataIndex: "reason",
          width: 190,
          render: (r: TDashboardIndicator["reason"]) => (r ? LOSS_REASON_LABELS[r][lang] : ""),
        },
        { title: t("frameworks.lead"), dataIndex: "leadUnit", width: 180 },
        {
          title: t("reports.evidence"),
          key: "ev",
          width: 110,
          render: (_, i) =>
            i.evidenceRequired && i.evidenceCount === 0 ? (
              <Typography.Text type="danger">{t("dashboard.none")}</Typography.Text>
            ) : (
              i.evidenceCount
            ),
        },
      ]}
    />
  );
}
