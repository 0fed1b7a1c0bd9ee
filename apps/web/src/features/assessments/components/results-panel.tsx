import {
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatResultChange,
  type TResultRow,
  type TRound,
} from "@chiso/core";
import { Alert, Flex, Select, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useResults } from "../api/rounds.ts";

export const GRADE_COLORS: Record<string, string> = { Tốt: "green", Khá: "blue", "Trung bình": "orange", Yếu: "red" };

/** The league table of the group: total, grade and rank per agency, main indicators; frozen once published. */
export function ResultsPanel({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const results = useResults(round.id, true, version);
  if (results.isPending) return <Spin />;
  if (results.error || !results.data) return <ErrorAlert error={results.error} onRetry={() => results.refetch()} />;
  const view = results.data;
  const grades = view.round.gradeBands.map((b) => ({
    name: b.name,
    count: view.results.rows.filter((r) => r.grade === b.name).length,
  }));
  return (
    <Flex vertical gap={12}>
      {view.frozen ? (
        <Flex align="center" gap={12} wrap>
          <Typography.Text>
            {t("assessments.results.frozen", {
              number: view.versions.find((v) => v.version === view.version)?.decisionNumber,
              date: formatDateVi(view.versions.find((v) => v.version === view.version)?.decisionDate),
            })}
          </Typography.Text>
          {view.versions.length > 1 && (
            <Select
              aria-label={t("assessments.results.version")}
              value={view.version ?? undefined}
              onChange={setVersion}
              options={view.versions.map((v) => ({
                value: v.version,
                label: `${t("assessments.versionN", { n: v.version })} · ${v.decisionNumber}${v.reason ? ` · ${v.reason}` : ""}`,
              }))}
            />
          )}
        </Flex>
      ) : (
        <Alert type="info" showIcon message={t("assessments.results.live")} />
      )}
      <Flex gap={12}>
        {(["xlsx", "docx"] as const).map((format) => (
          <a
            key={format}
            href={`/api/assessment-rounds/${round.id}/results.${format}${view.version ? `?version=${view.version}` : ""}`}
          >
            {t(`assessments.results.download.${format}`)}
          </a>
        ))}
      </Flex>
      <Typography.Text data-testid="grade-distribution">
        {grades.map((g) => `${g.name}: ${g.count}`).join(" · ")}
      </Typography.Text>
      <MostLost view={view} />
      <Table<TResultRow>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={view.results.rows}
        aria-label={t("assessments.results.league")}
        columns={[
          { title: t("assessments.results.rank"), dataIndex: "rank", width: 70 },
          { title: t("assessments.agency"), dataIndex: "unitName" },
          ...view.results.mains.map((m) => ({
            title: `${m.code} (${formatNumberVi(m.maxScore)})`,
            render: (_: unknown, r: TResultRow) => formatNumberVi(r.mains[m.code] ?? 0),
            width: 90,
          })),
          {
            title: t("assessments.results.adjustment"),
            render: (_, r) => (r.adjustmentTotal ? formatNumberVi(r.adjustmentTotal) : ""),
            width: 90,
          },
          {
            title: t("assessments.results.total"),
            render: (_, r) => `${formatNumberVi(r.total)}/${formatNumberVi(r.maxTotal)}`,
            width: 120,
          },
          ...(view.frozen
            ? [
                {
                  title: view.previous
                    ? t("assessments.results.changeSince", { year: view.previous.year })
                    : t("assessments.results.change"),
                  render: (_: unknown, r: TResultRow) => formatResultChange(view.changes[r.unitId]),
                  width: 150,
                },
              ]
            : []),
          { title: "%", render: (_, r) => formatPercentVi(r.percent), width: 90 },
          {
            title: t("assessments.results.grade"),
            render: (_, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.grade}</Tag>,
            width: 110,
          },
        ]}
      />
    </Flex>
  );
}

/** The criteria where the group loses most points, summed over its agencies: where the province should help. */
function MostLost({ view }: { view: NonNullable<ReturnType<typeof useResults>["data"]> }) {
  const { t } = useTranslation();
  const lost = view.results.criteria
    .map((c) => ({
      ...c,
      lost: view.results.rows.reduce((sum, r) => {
        const points = r.criteria[c.code];
        return sum + (points ? Math.max(0, points.max - points.final) : 0);
      }, 0),
    }))
    .filter((c) => c.lost > 0)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 5);
  if (lost.length === 0) return null;
  return (
    <Typography.Text data-testid="most-lost">
      {t("assessments.results.mostLost")}: {lost.map((c) => `${c.code} (${formatNumberVi(c.lost)} đ)`).join(", ")}
    </Typography.Text>
  );
}
