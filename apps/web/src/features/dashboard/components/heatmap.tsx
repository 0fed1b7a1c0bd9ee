import {
  REPORT_STATUS_LABELS,
  type THeatmap,
  type TReportStatus,
  type TUnitKind,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from "@chiso/core";
import { Empty, Flex, Select, Skeleton, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useHeatmap } from "../api/dashboard.ts";

const COLORS: Record<string, string> = {
  not_started: "#f0f0f0",
  draft: "#d9d9d9",
  submitted: "#91caff",
  returned: "#ffd591",
  accepted: "#87e8de",
  verified: "#adc6ff",
  appraised: "#d3adf7",
  final: "#95de64",
};

type TCell = THeatmap["cells"][number];

/** Units × indicators for a period: the state of every report, late ones outlined in red. */
export function SubmissionHeatmap({ periodId }: { periodId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const navigate = useNavigate();
  const heatmap = useHeatmap(periodId);
  const [kind, setKind] = useState<TUnitKind>();
  const cells = useMemo(
    () => new Map((heatmap.data?.cells ?? []).map((c) => [`${c.unitId}:${c.indicatorId}`, c])),
    [heatmap.data],
  );
  if (!periodId) return <Empty description={t("reports.noPeriods")} />;
  if (heatmap.error) return <ErrorAlert error={heatmap.error} onRetry={() => heatmap.refetch()} />;
  if (!heatmap.data) return <Skeleton active />;
  const units = heatmap.data.units.filter((u) => !kind || u.kind === kind);
  const label = (c: TCell) =>
    c.state === "not_started" ? t("reports.notStarted") : REPORT_STATUS_LABELS[c.state as TReportStatus][lang];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          aria-label={t("units.filterKind")}
          placeholder={t("units.filterKind")}
          style={{ width: 240 }}
          value={kind}
          onChange={setKind}
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
        />
        {Object.entries(COLORS).map(([state, color]) => (
          <Tag key={state} color={color} style={{ color: "#333" }}>
            {state === "not_started" ? t("reports.notStarted") : REPORT_STATUS_LABELS[state as TReportStatus][lang]}
          </Tag>
        ))}
        <Tag style={{ border: "2px solid #cf1322" }}>{t("dashboard.lateLegend")}</Tag>
      </Flex>
      <div style={{ overflowX: "auto" }}>
        <table style={{ borderCollapse: "collapse", fontSize: 12 }} aria-label={t("dashboard.heatmap")}>
          <thead>
            <tr>
              <th style={{ textAlign: "left", position: "sticky", left: 0, background: "#fff", minWidth: 200 }}>
                {t("reports.unit")}
              </th>
              {heatmap.data.indicators.map((i) => (
                <th key={i.id} title={i.name} style={{ padding: "2px 4px", writingMode: "vertical-rl" }}>
                  {i.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <th
                  scope="row"
                  style={{
                    textAlign: "left",
                    position: "sticky",
                    left: 0,
                    background: "#fff",
                    fontWeight: 400,
                    paddingRight: 8,
                  }}
                >
                  {u.name}
                </th>
                {heatmap.data.indicators.map((i) => {
                  const c = cells.get(`${u.id}:${i.id}`);
                  if (!c) return <td key={i.id} />;
                  return (
                    <td key={i.id} style={{ padding: 1 }}>
                      <Tooltip title={`${u.name} · ${i.code}: ${label(c)}${c.late ? ` · ${t("dashboard.late")}` : ""}`}>
                        <button
                          type="button"
                          aria-label={`${u.name} ${i.code} ${label(c)}${c.late ? ` ${t("dashboard.late")}` : ""}`}
                          onClick={() => c.reportId && navigate(`/reports/${c.reportId}`)}
                          style={{
                            width: 22,
                            height: 22,
                            cursor: c.reportId ? "pointer" : "default",
                            background: COLORS[c.state],
                            border: c.late ? "2px solid #cf1322" : "1px solid #fff",
                            borderRadius: 3,
                            fontSize: 9,
                            padding: 0,
                          }}
                        >
                          {c.role === "lead" ? "●" : ""}
                        </button>
                      </Tooltip>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Text type="secondary">{t("dashboard.heatmapHint")}</Typography.Text>
    </Flex>
  );
}
