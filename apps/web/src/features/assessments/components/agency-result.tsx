import {
  formatNumberVi,
  formatPercentVi,
  formatResultChange,
  formatTrend,
  type TRound,
  type TSheet,
} from "@chiso/core";
import { Card, Flex, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TaskStatusTag } from "../../plans/components/task-status-tag.tsx";
import { useAgencyResult } from "../api/rounds.ts";
import { GRADE_COLORS } from "./results-panel.tsx";

/** The agency's own published result: score, grade, rank, and where points were lost, criterion by criterion. */
export function AgencyResult({ round, sheet }: { round: TRound; sheet: TSheet }) {
  const { t } = useTranslation();
  // The agency's own row with every criterion, its group's averages and its lost points, computed by the server.
  const result = useAgencyResult(round.id, sheet.unitId);
  const data = result.data;
  if (!data) return null;
  const { row } = data;
  const trend = formatTrend([...data.trend, { ...row, year: round.year }]);
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
            data.previous
              ? t("assessments.results.changeSince", { year: data.previous.year })
              : t("assessments.results.change")
          }
          value={formatResultChange(data.change ?? undefined)}
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
          dataSource={data.mains}
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
        dataSource={data.lost}
        columns={[
          { title: t("assessments.result.criterion"), render: (_, c) => `${c.code}. ${c.name}` },
          {
            title: t("assessments.result.points"),
            render: (_, c) => `${formatNumberVi(c.final)}/${formatNumberVi(c.max)}`,
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
                {(data.tasks[c.code] ?? []).map((task) => (
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
