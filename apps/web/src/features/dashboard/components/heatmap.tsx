import {
  REPORT_STATUS_LABELS,
  type THeatmap,
  type TReportStatus,
  type TUnitKind,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from "@chiso/core";
import { Button, Empty, Flex, Pagination, Select, Skeleton, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { HEATMAP_PAGE_SIZE, useHeatmap } from "../api/dashboard.ts";

/**
 * One hue per state, far enough apart to tell on an office screen: "not started" is an empty dashed box rather
 * than a second grey beside "draft" (the two used to be #f0f0f0 and #d9d9d9).
 */
const COLORS: Record<string, string> = {
  not_started: "#ffffff",
  draft: "#ffe58f",
  submitted: "#69b1ff",
  returned: "#ff9c6e",
  accepted: "#5cdbd3",
  verified: "#85a5ff",
  appraised: "#b37feb",
  final: "#73d13d",
};
const NOT_STARTED_BORDER = "1px dashed #8c8c8c";

type TCell = THeatmap["cells"][number];

/**
 * Reports of a period: unit groups × indicators (share submitted, late ones outlined in red); choosing a group
 * shows its units × indicators a page at a time, the state of every report.
 */
export function SubmissionHeatmap({ periodId }: { periodId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const navigate = useNavigate();
  const [kind, setKindState] = useState<TUnitKind>();
  const [page, setPage] = useState(1);
  const setKind = (next: TUnitKind | undefined) => {
    setKindState(next);
    setPage(1);
  };
  const heatmap = useHeatmap(periodId, kind, page);
  const cells = useMemo(
    () => new Map((heatmap.data?.cells ?? []).map((c) => [`${c.unitId}:${c.indicatorId}`, c])),
    [heatmap.data],
  );
  if (!periodId) return <Empty description={t("reports.noPeriods")} />;
  if (heatmap.error) return <ErrorAlert error={heatmap.error} onRetry={() => heatmap.refetch()} />;
  if (!heatmap.data) return <Skeleton active />;
  const units = heatmap.data.units;
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
      </Flex>
      <Flex gap={8} wrap align="center" data-testid="heatmap-legend">
        <Typography.Text type="secondary">{t("dashboard.legend")}:</Typography.Text>
        {kind ? (
          <>
            {Object.entries(COLORS).map(([state, color]) => (
              <Tag
                key={state}
                color={color}
                style={{ color: "#262626", border: state === "not_started" ? NOT_STARTED_BORDER : undefined }}
              >
                {state === "not_started" ? t("reports.notStarted") : REPORT_STATUS_LABELS[state as TReportStatus][lang]}
              </Tag>
            ))}
            <Tag>● {t("dashboard.leadLegend")}</Tag>
          </>
        ) : (
          <>
            <Tag color="rgba(56, 158, 13, 0.1)" style={{ color: "#262626" }}>
              {t("dashboard.shareNone")}
            </Tag>
            <Tag color="rgba(56, 158, 13, 0.55)" style={{ color: "#262626" }}>
              {t("dashboard.shareHalf")}
            </Tag>
            <Tag color="rgba(56, 158, 13, 1)">{t("dashboard.shareAll")}</Tag>
          </>
        )}
        <Tag style={{ border: "2px solid #cf1322" }}>{t("dashboard.lateLegend")}</Tag>
      </Flex>
      {!kind && <GroupGrid data={heatmap.data} lang={lang} onOpen={setKind} />}
      {kind && (
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
                        <Tooltip
                          title={`${u.name} · ${i.code}: ${label(c)}${c.late ? ` · ${t("dashboard.late")}` : ""}`}
                        >
                          <button
                            type="button"
                            aria-label={`${u.name} ${i.code} ${label(c)}${c.late ? ` ${t("dashboard.late")}` : ""}`}
                            onClick={() => c.reportId && navigate(`/reports/${c.reportId}`)}
                            style={{
                              width: 22,
                              height: 22,
                              cursor: c.reportId ? "pointer" : "default",
                              background: COLORS[c.state],
                              border: c.late
                                ? "2px solid #cf1322"
                                : c.state === "not_started"
                                  ? NOT_STARTED_BORDER
                                  : "1px solid #fff",
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
      )}
      {kind && (
        <Pagination
          size="small"
          current={page}
          pageSize={HEATMAP_PAGE_SIZE}
          total={heatmap.data.unitsTotal}
          showSizeChanger={false}
          hideOnSinglePage
          onChange={setPage}
        />
      )}
      <Typography.Text type="secondary">
        {kind ? t("dashboard.heatmapHint") : t("dashboard.heatmapGroupHint")}
      </Typography.Text>
    </Flex>
  );
}

/** One row per unit group: each indicator's submitted share as a shade of green, red outline when any is late. */
function GroupGrid({ data, lang, onOpen }: { data: THeatmap; lang: "vi" | "en"; onOpen(kind: TUnitKind): void }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: "auto" }}>
      <table style={{ borderCollapse: "collapse", fontSize: 12 }} aria-label={t("dashboard.heatmap")}>
        <thead>
          <tr>
            <th style={{ textAlign: "left", position: "sticky", left: 0, background: "#fff", minWidth: 200 }}>
              {t("units.filterKind")}
            </th>
            {data.indicators.map((i) => (
              <th key={i.id} title={i.name} style={{ padding: "2px 4px", writingMode: "vertical-rl" }}>
                {i.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.groups.map((g) => {
            const cells = new Map(g.cells.map((c) => [c.indicatorId, c]));
            const name = UNIT_KIND_LABELS[g.kind][lang];
            return (
              <tr key={g.kind}>
                <th scope="row" style={{ textAlign: "left", position: "sticky", left: 0, background: "#fff" }}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(g.kind)}>
                    {name}
                  </Button>{" "}
                  <Typography.Text type="secondary">
                    {t("dashboard.heatmapGroupUnits", { count: g.unitCount })}
                  </Typography.Text>
                </th>
                {data.indicators.map((i) => {
                  const c = cells.get(i.id);
                  if (!c) return <td key={i.id} />;
                  const share = c.expected ? c.submitted / c.expected : 0;
                  const title = t("dashboard.heatmapGroupCell", { group: name, code: i.code, ...c });
                  return (
                    <td key={i.id} style={{ padding: 1 }}>
                      <Tooltip title={title}>
                        <button
                          type="button"
                          aria-label={title}
                          onClick={() => onOpen(g.kind)}
                          style={{
                            width: 22,
                            height: 22,
                            cursor: "pointer",
                            background: `rgba(56, 158, 13, ${0.1 + 0.9 * share})`,
                            border: c.late ? "2px solid #cf1322" : "1px solid #fff",
                            borderRadius: 3,
                            padding: 0,
                          }}
                        />
                      </Tooltip>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
