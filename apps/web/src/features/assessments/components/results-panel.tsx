import {
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatResultChange,
  type TResultListRow,
  type TRound,
  type TRoundResultView,
} from "@chiso/core";
import { Alert, Flex, Input, Select, Spin, Table, Tag, Typography } from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useResults } from "../api/rounds.ts";

export const GRADE_COLORS: Record<string, string> = { Tốt: "green", Khá: "blue", "Trung bình": "orange", Yếu: "red" };

const PAGE_SIZE = 50;

/**
 * The league table of the group: total, grade and rank per agency, main indicators; frozen once published. The
 * server sends one page of agencies (searched by name without accents) and the group's grade spread and most-lost
 * criteria over every agency.
 */
export function ResultsPanel({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState("");
  const q = useDeferredValue(query.trim());
  const results = useResults(round.id, true, { version, page, pageSize: PAGE_SIZE, q: q || undefined });
  if (results.isPending) return <Spin />;
  if (results.error || !results.data) return <ErrorAlert error={results.error} onRetry={() => results.refetch()} />;
  const view = results.data;
  const grades = view.summary.grades;
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
              onChange={(next) => {
                setVersion(next);
                setPage(1);
              }}
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
      <Input.Search
        allowClear
        placeholder={t("common.search")}
        aria-label={t("common.search")}
        style={{ width: 300 }}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setPage(1);
        }}
      />
      <Table<TResultListRow>
        rowKey="unitId"
        size="small"
        loading={results.isFetching}
        pagination={{
          current: view.page,
          pageSize: PAGE_SIZE,
          total: view.total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        dataSource={view.rows}
        aria-label={t("assessments.results.league")}
        // on a phone the table scrolls sideways inside itself and the agency's name keeps a readable width
        scroll={{ x: "max-content" }}
        columns={[
          { title: t("assessments.results.rank"), dataIndex: "rank", width: 70 },
          { title: t("assessments.agency"), dataIndex: "unitName", minWidth: 200 },
          ...view.results.mains.map((m) => ({
            title: `${m.code} (${formatNumberVi(m.maxScore)})`,
            render: (_: unknown, r: TResultListRow) => formatNumberVi(r.mains[m.code] ?? 0),
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
                  render: (_: unknown, r: TResultListRow) => formatResultChange(view.changes[r.unitId]),
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

/** The criteria where the group loses most points, summed over its agencies (by the server): where to help. */
function MostLost({ view }: { view: TRoundResultView }) {
  const { t } = useTranslation();
  const lost = view.summary.mostLost;
  if (lost.length === 0) return null;
  return (
    <Typography.Text data-testid="most-lost">
      {t("assessments.results.mostLost")}: {lost.map((c) => `${c.code} (${formatNumberVi(c.lost)} đ)`).join(", ")}
    </Typography.Text>
  );
}
