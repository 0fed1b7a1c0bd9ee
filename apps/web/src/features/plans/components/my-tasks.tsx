import type { TTask } from "@chiso/core";
import { Flex, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useTasks } from "../api/list-tasks.ts";
import { TaskTable } from "./task-table.tsx";

/** Công việc của đơn vị: the unit's tasks (lead or cooperating) across every plan, overdue ones flagged. */
export function MyTasks({ onOpen }: { onOpen(task: TTask): void }) {
  const { t } = useTranslation();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const tasks = useTasks({ mine: true, overdue: overdueOnly });
  if (tasks.error) return <ErrorAlert error={tasks.error} onRetry={() => tasks.refetch()} />;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Switch checked={overdueOnly} onChange={setOverdueOnly} aria-label={t("plans.onlyOverdue")} />
        <Typography.Text>{t("plans.onlyOverdue")}</Typography.Text>
      </Flex>
      <div data-testid="my-tasks">
        <TaskTable tasks={tasks.data} loading={tasks.isPending} showPlan onOpen={onOpen} />
      </div>
    </Flex>
  );
}
