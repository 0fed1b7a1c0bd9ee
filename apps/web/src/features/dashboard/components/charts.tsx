import type { TDashboard } from "@chiso/core";
import { LineChart, RadarChart } from "echarts/charts";
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { EChart } from "../../../components/echart.tsx";

echarts.use([RadarChart, LineChart, RadarComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** The scored main indicators as % of their maximum: counted, self-assessed and (when published) official. */
export function MainRadar({ dashboard }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  const mains = dashboard.mains.filter((m) => m.maxScore > 0);
  const series = [
    { name: t("dashboard.counted"), value: mains.map((m) => pct(m.value) ?? 0) },
    {
      name: t("dashboard.selfAssessed"),
      value: mains.map((m) => pct(m.maxScore ? m.selfPoints / m.maxScore : 0) ?? 0),
    },
    ...(mains.some((m) => m.officialValue !== null)
      ? [{ name: t("dashboard.official"), value: mains.map((m) => pct(m.officialValue) ?? 0) }]
      : []),
  ];
  return (
    <div role="img" aria-label={t("dashboard.radarLabel", { count: mains.length })} data-testid="main-radar">
      <EChart
        style={{ height: 340 }}
        option={{
          tooltip: {},
          legend: { bottom: 0 },
          radar: { indicator: mains.map((m) => ({ name: `${m.code}. ${m.name}`, max: 100 })), radius: "62%" },
          series: [{ type: "radar", data: series }],
        }}
      />
    </div>
  );
}

export function TrendChart({ dashboard }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  return (
    <EChart
      style={{ height: 260 }}
      option={{
        tooltip: { trigger: "axis" },
        legend: { bottom: 0 },
        grid: { left: 48, right: 16, top: 16, bottom: 48 },
        xAxis: { type: "category", data: dashboard.trend.map((p) => p.label) },
        yAxis: { type: "value", max: dashboard.totals.maxTotal },
        series: [
          { name: t("dashboard.counted"), type: "line", data: dashboard.trend.map((p) => p.total) },
          { name: t("dashboard.selfAssessed"), type: "line", data: dashboard.trend.map((p) => p.selfTotal) },
          ...(dashboard.target.total
            ? [
                {
                  name: t("dashboard.target"),
                  type: "line",
                  symbol: "none",
                  lineStyle: { type: "dashed" },
                  data: dashboard.trend.map(() => dashboard.target.total),
                },
              ]
            : []),
        ],
      }}
    />
  );
}
