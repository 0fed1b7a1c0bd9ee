import { canSomewhere, formatDateTimeVi, formatNumberVi, type TTaskDetail } from "@chiso/core";
import { Alert, Button, Descriptions, Drawer, Empty, Flex, List, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useMe } from "../../auth/api/get-me.ts";
import { documentUrl } from "../../evidence/api/documents.ts";
import { useTask } from "../api/get-task.ts";
import { ProgressForm } from "./progress-form.tsx";
import { TaskEditForm } from "./task-edit-form.tsx";
import { TaskStatusTag } from "./task-status-tag.tsx";
import { TimeframeText } from "./timeframe-text.tsx";
import { UnitList } from "./unit-list.tsx";

/** One task: what the plan says, its progress history, and — for its lead unit — the form to post progress. */
export function TaskDrawer({ taskId, onClose }: { taskId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  const me = useMe().data;
  const [editing, setEditing] = useState(false);
  const close = () => {
    setEditing(false);
    onClose();
  };
  return (
    <Drawer
      open={taskId !== null}
      size={760}
      title={task.data ? [task.data.plan.code, task.data.number].filter(Boolean).join(" · ") : t("plans.tasks")}
      onClose={close}
      destroyOnHidden
      extra={
        me &&
        canSomewhere(me, "plan.manage") &&
        task.data &&
        !editing && <Button onClick={() => setEditing(true)}>{t("plans.editTask")}</Button>
      }
    >
      <ErrorAlert error={task.error} onRetry={() => task.refetch()} />
      {task.isPending && taskId && <Spin />}
      {task.data &&
        (editing ? <TaskEditForm task={task.data} onDone={() => setEditing(false)} /> : <TaskView task={task.data} />)}
    </Drawer>
  );
}

function TaskView({ task }: { task: TTaskDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }} data-testid="task-content">
        {task.content}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("plans.plan")}>
          <Link to={`/plans/${task.plan.id}`}>{task.plan.code}</Link> — {task.plan.title}
        </Descriptions.Item>
        {task.sectionLabel && <Descriptions.Item label={t("plans.section")}>{task.sectionLabel}</Descriptions.Item>}
        <Descriptions.Item label={t("plans.lead")}>
          <UnitList units={task.leadUnits} text={task.leadText} />
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.cooperating")}>
          <UnitList units={task.cooperatingUnits} text={task.cooperatingText} />
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.output")}>{task.outputText ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("plans.timeframe")}>
          <TimeframeText text={task.timeframeText} parsed={task.timeframe} />
        </Descriptions.Item>
        {task.directingLeader && (
          <Descriptions.Item label={t("plans.leader")}>{task.directingLeader}</Descriptions.Item>
        )}
        {(task.budgetAmount !== null || task.budgetSource) && (
          <Descriptions.Item label={t("plans.budget")}>
            {task.budgetAmount !== null && t("plans.million", { amount: formatNumberVi(task.budgetAmount) })}
            {task.budgetSource && ` · ${task.budgetSource}`}
            {task.budgetBasis && ` · ${task.budgetBasis}`}
          </Descriptions.Item>
        )}
        {task.indicators.length > 0 && (
          <Descriptions.Item label={t("plans.indicators")}>
            {task.indicators.map((i) => (
              <Tag key={i.id}>{`${i.code} ${i.name}`}</Tag>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("plans.status")}>
          <span data-testid="task-status">
            <TaskStatusTag status={task.status} overdue={task.overdue} /> {task.percent}%
          </span>
        </Descriptions.Item>
      </Descriptions>
      {task.canUpdate ? <ProgressForm task={task} /> : <Alert type="info" showIcon title={t("plans.cannotUpdate")} />}
      <Updates task={task} />
    </Flex>
  );
}

function Updates({ task }: { task: TTaskDetail }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={5}>{t("plans.updates")}</Typography.Title>
      <List
        data-testid="task-updates"
        dataSource={task.updates}
        locale={{ emptyText: <Empty description={t("plans.noUpdates")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(update) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {formatDateTimeVi(update.at)} · {update.authorName ?? "—"} ·{" "}
                  <TaskStatusTag status={update.status} overdue={false} /> {update.percent}%
                </span>
              }
              description={
                <div>
                  {update.note && (
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{update.note}</Typography.Paragraph>
                  )}
                  {update.documents.map((d) => (
                    <div key={d.id}>
                      <a href={documentUrl(d.id)} target="_blank" rel="noreferrer">
                        {d.fileName}
                      </a>
                      {d.docNumber ? ` · ${d.docNumber}` : ""}
                    </div>
                  ))}
                </div>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
