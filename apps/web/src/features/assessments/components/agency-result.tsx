import {
  formatNumberVi,
  formatPercentVi,
  formatResultChange,
  formatTrend,
  mainsAgainstGroup,
  roundPoints,
  type TResultRow,
  type TRound,
  type TSheet,
} from "@chiso/core";
import { Card, Flex, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TaskStatusTag } from "../../plans/components/task-status-tag.tsx";
import { useResults } from "../api/rounds.ts";
import { GRADE_COLORS } from "./results-panel.tsx";

/** The agency's own published result: score, grade, rank, and where points were lost, criterion by criterion. */
export function AgencyResult({ round, sheet }: { round: TRound; sheet: TSheet }) {
  const { t } = useTranslation();
  const results = useResults(round.id, true);
  const row = results.data?.results.rows.find((r) => r.unitId === sheet.unitId);
  if (!row || !results.data) return null;
  const lost = results.data.results.criteria
    .map((c) => ({ ...c, points: row.criteria[c.code] }))
    .filter((c) => c.points && c.points.max - c.points.final > 0)
    .map((c) => ({ ...c, lost: roundPoints((c.points?.max ?? 0) - (c.points?.final ?? 0)) }))
    .map((c) => ({ ...c, rankIf: rankWith(results.data!.results.rows, row.unitId, row.total + c.lost) }))
    .sort((a, b) => b.lost - a.lost);
  const trend = formatTrend([...(results.data.trend[row.unitId] ?? []), { ...row, year: round.year }]);
  return (
    <Card size="small" title={t("assessments.result.title")} data-testid="agency-result">
      <Flex gap={32} wrap>
        <Statistic
          title={t("assessments.result.score")}
          value={`${formatNumberVi(row.total)}/${formatNumberVi(row.maxTotal)}`}
        />
        <Statistic title="%" value={formatPercentVi(row.percent)} />
        <Flex vertical>
          <Typography.Text type="secondary">{t("assessments.result.grade")}</Typography.Text>
          <Tag color={GRADE_COLORS[row.grade]} style={{ fontSize: 18, padding: 6 }}>
            {row.grade}
          </Tag>
        </Flex>
        <Statistic
          title={t("assessments.result.rank")}
          value={t("assessments.result.rankOf", { rank: row.rank, of: row.of })}
        />
        <Statistic
          title={
            results.data.previous
              ? t("assessments.results.changeSince", { year: results.data.previous.year })
              : t("assessments.results.change")
          }
          value={formatResultChange(results.data.changes[row.unitId])}
          valueStyle={{ fontSize: 18 }}
          data-testid="result-change"
        />
      </Flex>
      {trend && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="result-trend">
          <Typography.Text type="secondary">{t("assessments.result.trend")}: </Typography.Text>
          {trend}
        </Typography.Paragraph>
      )}
      <div data-testid="mains-against-group" style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          title={() => t("assessments.result.mainsTitle")}
          scroll={{ x: true }}
          dataSource={mainsAgainstGroup(results.data.results, row.unitId)}
          columns={[
            { title: t("assessments.result.main"), render: (_, m) => `${m.code}. ${m.name}` },
            {
              title: t("assessments.result.yours"),
              render: (_, m) => `${formatNumberVi(m.points)}/${formatNumberVi(m.maxScore)}`,
              width: 120,
            },
            { title: t("assessments.result.average"), render: (_, m) => formatNumberVi(m.average), width: 130 },
            {
              title: t("assessments.result.best"),
              render: (_, m) => `${formatNumberVi(m.best)} (${m.bestUnits.join(", ")})`,
            },
          ]}
        />
      </div>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={lost}
        columns={[
          { title: t("assessments.result.criterion"), render: (_, c) => `${c.code}. ${c.name}` },
          {
            title: t("assessments.result.points"),
            render: (_, c) => `${formatNumberVi(c.points?.final)}/${formatNumberVi(c.points?.max)}`,
            width: 110,
          },
          { title: t("assessments.result.lost"), render: (_, c) => formatNumberVi(c.lost), width: 100 },
          {
            title: t("assessments.result.whatIf"),
            render: (_, c) => t("assessments.result.whatIfText", { points: formatNumberVi(c.lost), rank: c.rankIf }),
            width: 200,
          },
          {
            title: t("assessments.result.tasks"),
            render: (_, c) => (
              <Flex vertical gap={4} data-testid={`linked-tasks-${c.code}`}>
                {(results.data?.tasks[c.code] ?? []).map((task) => (
                  <span key={task.taskId}>
                    <Link to={`/plans/${task.planId}`}>{task.planCode}</Link>
                    {` — ${task.number ? `${task.number}. ` : ""}${task.content} `}
                    <TaskStatusTag status={task.status} overdue={false} /> {formatPercentVi(task.percent)}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The rank the agency would hold with `total`, the others unchanged (ties share the better rank). */
function rankWith(rows: readonly TResultRow[], unitId: string, total: number): number {
  return 1 + rows.filter((r) => r.unitId !== unitId && roundPoints(r.total) > roundPoints(total)).length;
}
