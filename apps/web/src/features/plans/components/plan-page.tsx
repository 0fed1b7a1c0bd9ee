import { can, formatDateVi } from "@chiso/core";
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Spin, Statistic, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage, registerMessages } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useDeletePlan } from "../api/delete-plan.ts";
import { usePlan } from "../api/get-plan.ts";
import { plansMessages } from "../messages.ts";
import { PlanFormModal } from "./plan-form-modal.tsx";
import { yearsText } from "./plan-list.tsx";
import { PlanProgress } from "./plan-progress.tsx";
import { PlanReviews } from "./plan-reviews.tsx";
import { PlanTargets } from "./plan-targets.tsx";
import { TaskDrawer } from "./task-drawer.tsx";
import { TaskTable } from "./task-table.tsx";

registerMessages("plans", plansMessages);

/** A plan: its header, targets, progress by section and unit, tasks by section, and the parent tasks it answers. */
export function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe().data;
  const plan = usePlan(id);
  const remove = useDeletePlan();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const openTask = (taskId: string | null) => setParams(taskId ? { task: taskId } : {});

  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  if (!plan.data || !me) return <Spin />;
  const p = plan.data;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" gap={16}>
        <div>
          <Typography.Text type="secondary">{p.code}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
        </div>
        {can(me, "plan.manage", { scopePath: p.ownerPath }) && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t("plans.edit")}</Button>
            <Popconfirm
              title={t("plans.deleteConfirm")}
              okText={t("common.delete")}
              cancelText={t("common.cancel")}
              onConfirm={() =>
                remove.mutate(p.id, {
                  onSuccess: () => {
                    void message.success(t("plans.deleted"));
                    navigate("/plans");
                  },
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
            >
              <Button danger>{t("plans.delete")}</Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, lg: 3 }} bordered>
        <Descriptions.Item label={t("plans.issuer")}>{p.issuer?.name ?? p.issuerText ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("plans.issuedOn")}>{formatDateVi(p.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label={t("plans.years")}>
          {yearsText(p, (year) => t("plans.onwards", { year }))}
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.signer")}>{p.signer ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("plans.parent")}>
          {p.parent ? <Link to={`/plans/${p.parent.id}`}>{`${p.parent.code} — ${p.parent.title}`}</Link> : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("plans.children")}>
          {p.children.length
            ? p.children.map((c) => (
                <div key={c.id}>
                  <Link to={`/plans/${c.id}`}>{c.code}</Link> — {c.title}
                </div>
              ))
            : "—"}
        </Descriptions.Item>
        {p.progressCalendar && (
          <Descriptions.Item label={t("plans.progressCalendar")} span={3}>
            {p.progressCalendar.words}
          </Descriptions.Item>
        )}
        {p.legalBases && (
          <Descriptions.Item label={t("plans.legalBases")} span={3}>
            <Typography.Paragraph
              style={{ whiteSpace: "pre-line", margin: 0 }}
              ellipsis={{ rows: 3, expandable: true }}
            >
              {p.legalBases}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t("plans.progress")}>
        <Space size={48} wrap>
          <Statistic title={t("plans.tasksCount")} value={p.progress.total} />
          <Statistic title={t("plans.done")} value={p.progress.done} />
          <Statistic title={t("plans.inProgress")} value={p.progress.inProgress} />
          <Statistic title={t("plans.late")} value={p.progress.late} />
          <Statistic
            title={t("plans.overdue")}
            value={p.progress.overdue}
            styles={{ content: { color: p.progress.overdue ? "#cf1322" : undefined } }}
          />
          <Statistic title={t("plans.percent")} value={Math.round(p.progress.percent)} suffix="%" />
        </Space>
      </Card>
      <PlanTargets targets={p.targets} />
      <PlanProgress plan={p} />
      <Card size="small" title={t("plans.tasks")}>
        <TaskTable tasks={p.tasks} onOpen={(task) => openTask(task.id)} />
      </Card>
      <PlanReviews plan={p} canRecord={can(me, "plan.recordReview", { scopePath: p.ownerPath })} />
      {p.parent && p.parentTasks.length > 0 && (
        <Card size="small" title={t("plans.parentTasks", { code: p.parent.code })}>
          <TaskTable tasks={p.parentTasks} showPlan onOpen={(task) => openTask(task.id)} />
        </Card>
      )}
      <PlanFormModal open={editing} plan={p} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <TaskDrawer taskId={params.get("task")} onClose={() => openTask(null)} />
    </Flex>
  );
}
