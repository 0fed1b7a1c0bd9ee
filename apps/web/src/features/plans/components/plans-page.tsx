import { ImportOutlined, PlusOutlined } from "@ant-design/icons";
import { canSomewhere, holdsUnitRole } from "@chiso/core";
import { Button, Flex, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { registerMessages } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { plansMessages } from "../messages.ts";
import { MyTasks } from "./my-tasks.tsx";
import { PlanFormModal } from "./plan-form-modal.tsx";
import { PlanImportModal } from "./plan-import-modal.tsx";
import { PlanList } from "./plan-list.tsx";
import { TaskDrawer } from "./task-drawer.tsx";

registerMessages("plans", plansMessages);

/** Kế hoạch: every plan, and the unit's own tasks across them; the coordinator imports and creates plans. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  if (!me) return null;
  const forUnit = holdsUnitRole(me);
  const tab = params.get("tab") ?? (forUnit ? "mine" : "plans");
  const openTask = (id: string | null) => setParams(id ? { tab, task: id } : { tab });
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.plans")}
        </Typography.Title>
        {canSomewhere(me, "plan.manage") && (
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("plans.create")}
            </Button>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t("plans.import")}
            </Button>
          </Space>
        )}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: "plans", label: t("plans.tabs.plans"), children: <PlanList /> },
          { key: "mine", label: t("plans.tabs.mine"), children: <MyTasks onOpen={(task) => openTask(task.id)} /> },
        ]}
      />
      <PlanImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(id) => navigate(`/plans/${id}`)}
      />
      <PlanFormModal open={creating} onClose={() => setCreating(false)} onSaved={(id) => navigate(`/plans/${id}`)} />
      <TaskDrawer taskId={params.get("task")} onClose={() => openTask(null)} />
    </Flex>
  );
}
