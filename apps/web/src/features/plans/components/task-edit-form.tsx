import type { TTaskDetail, TTaskEdit } from "@chiso/core";
import { App, Button, Flex, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { useEditTask } from "../api/edit-task.ts";
import { usePlan } from "../api/get-plan.ts";
import { useIndicatorOptions } from "./use-indicator-options.ts";

type TFields = Omit<Required<TTaskEdit>, "parentId" | "isSection">;

/** The coordinator corrects a task: its wording, units (matched or as text), timeframe, budget and indicators. */
export function TaskEditForm({ task, onDone }: { task: TTaskDetail; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TFields>();
  const edit = useEditTask();
  const units = useUnits();
  const plan = usePlan(task.plan.id);
  const indicatorOptions = useIndicatorOptions(plan.data?.startYear);
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  const submit = (values: TFields) =>
    edit.mutate(
      { id: task.id, ...values },
      {
        onSuccess: () => {
          void message.success(t("plans.taskSaved"));
          onDone();
        },
      },
    );

  return (
    <Form<TFields>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        number: task.number,
        content: task.content,
        leadUnitIds: task.leadUnits.map((u) => u.id),
        cooperatingUnitIds: task.cooperatingUnits.map((u) => u.id),
        leadText: task.leadText,
        cooperatingText: task.cooperatingText,
        outputText: task.outputText,
        timeframeText: task.timeframeText,
        directingLeader: task.directingLeader,
        budgetAmount: task.budgetAmount,
        budgetSource: task.budgetSource,
        budgetBasis: task.budgetBasis,
        indicatorIds: task.indicators.map((i) => i.id),
      }}
    >
      <Flex gap={12}>
        <Form.Item label={t("plans.number")} name="number" style={{ width: 100 }}>
          <Input />
        </Form.Item>
        <Form.Item label={t("plans.content")} name="content" style={{ flex: 1 }} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t("plans.leadUnits")} name="leadUnitIds">
        <Select mode="multiple" options={unitOptions} showSearch={{ optionFilterProp: "label" }} />
      </Form.Item>
      <Form.Item label={t("plans.leadText")} name="leadText">
        <Input />
      </Form.Item>
      <Form.Item label={t("plans.cooperatingUnits")} name="cooperatingUnitIds">
        <Select mode="multiple" options={unitOptions} showSearch={{ optionFilterProp: "label" }} />
      </Form.Item>
      <Form.Item label={t("plans.cooperatingText")} name="cooperatingText">
        <Input />
      </Form.Item>
      <Form.Item label={t("plans.output")} name="outputText">
        <Input />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label={t("plans.timeframe")} name="timeframeText" style={{ flex: 1 }}>
          <Input placeholder="Quý I-IV/2025" />
        </Form.Item>
        <Form.Item label={t("plans.leader")} name="directingLeader" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item label={t("plans.budgetAmount")} name="budgetAmount" rules={numberRules}>
          <NumberInput style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t("plans.budgetSource")} name="budgetSource" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item label={t("plans.budgetBasis")} name="budgetBasis">
        <Input />
      </Form.Item>
      <Form.Item label={t("plans.indicators")} name="indicatorIds">
        <Select mode="multiple" options={indicatorOptions} showSearch={{ optionFilterProp: "label" }} />
      </Form.Item>
      <ErrorAlert error={edit.error} />
      <Space>
        <Button onClick={onDone}>{t("common.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={edit.isPending}>
          {t("common.save")}
        </Button>
      </Space>
    </Form>
  );
}
