import { formatDateVi, type TTask } from "@chiso/core";
import { Button, Empty, Progress, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TaskStatusTag } from "./task-status-tag.tsx";
import { TimeframeText } from "./timeframe-text.tsx";
import { UnitList } from "./unit-list.tsx";

interface TProps {
  tasks: TTask[] | undefined;
  loading?: boolean;
  /** Across plans (a unit's own tasks): show which plan and section each task belongs to. */
  showPlan?: boolean;
  onOpen(task: TTask): void;
}

/** Tasks in the plan's own numbering, section headings in bold; a task opens its drawer. */
export function TaskTable({ tasks, loading, showPlan, onOpen }: TProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<TTask> = [
    {
      title: t("plans.number"),
      dataIndex: "number",
      width: 70,
      render: (number: string | null, task) => (
        <span style={{ paddingLeft: showPlan ? 0 : task.depth * 8, fontWeight: task.isSection ? 600 : undefined }}>
          {number ?? ""}
        </span>
      ),
    },
    {
      title: t("plans.content"),
      key: "content",
      width: 380,
      render: (_, task) =>
        task.isSection ? (
          <Typography.Text strong>{task.content}</Typography.Text>
        ) : (
          <div>
            <Button
              type="link"
              style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
              onClick={() => onOpen(task)}
            >
              {task.content}
            </Button>
            {showPlan && (
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                <Link to={`/plans/${task.plan.id}`}>{task.plan.code}</Link>
                {task.sectionLabel ? ` · ${task.sectionLabel}` : ""}
              </Typography.Text>
            )}
            {task.indicators.map((i) => (
              <Tag key={i.id} title={i.name} style={{ marginTop: 4 }}>
                {i.code}
              </Tag>
            ))}
          </div>
        ),
    },
    {
      title: t("plans.lead"),
      key: "lead",
      width: 150,
      render: (_, task) => !task.isSection && <UnitList units={task.leadUnits} text={task.leadText} />,
    },
    {
      title: t("plans.cooperating"),
      key: "cooperating",
      width: 150,
      render: (_, task) => !task.isSection && <UnitList units={task.cooperatingUnits} text={task.cooperatingText} />,
    },
    { title: t("plans.output"), dataIndex: "outputText", width: 180, render: (text: string | null) => text ?? "" },
    {
      title: t("plans.timeframe"),
      key: "timeframe",
      width: 160,
      render: (_, task) => !task.isSection && <TimeframeText text={task.timeframeText} parsed={task.timeframe} />,
    },
    {
      title: t("plans.status"),
      key: "status",
      width: 170,
      render: (_, task) =>
        !task.isSection && (
          <div>
            <TaskStatusTag status={task.status} overdue={task.overdue} />
            <Progress percent={task.percent} size="small" showInfo={task.percent > 0} />
            <ProgressReport report={task.progressReport} />
          </div>
        ),
    },
  ];
  return (
    <Table<TTask>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={tasks}
      columns={columns}
      pagination={false}
      rowClassName={(task) => (task.overdue ? "task-overdue" : "")}
      locale={{ emptyText: <Empty description={t("plans.noTasks")} /> }}
      scroll={{ x: 1300 }}
    />
  );
}

/** The task's standing under its plan's progress-report calendar: missed, or when the next report is due. */
function ProgressReport({ report }: { report: TTask["progressReport"] }) {
  const { t } = useTranslation();
  if (!report) return null;
  if (report.missedDue)
    return (
      <Tag color="error" title={t("plans.progressMissedTitle", { date: formatDateVi(report.missedDue) })}>
        {t("plans.progressMissed")}
      </Tag>
    );
  return (
    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
      {report.reported
        ? t("plans.progressReported")
        : t("plans.progressNextDue", { date: formatDateVi(report.nextDue) })}
    </Typography.Text>
  );
}
