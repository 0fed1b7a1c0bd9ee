import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  describeDeadlineRule,
  TARGET_COMPARATORS,
  type TPlanDetail,
  type TPlanInput,
  type TReportingPeriodKind,
  type TTargetInput,
} from "@chiso/core";
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { useCreatePlan } from "../api/create-plan.ts";
import { usePlans } from "../api/list-plans.ts";
import { useUpdatePlan } from "../api/update-plan.ts";
import { useIndicatorOptions } from "./use-indicator-options.ts";

type TFields = Omit<TPlanInput, "issuedOn" | "targets" | "progressCalendar"> & {
  issuedOn?: Dayjs | null;
  targets?: TTargetInput[];
  /** The progress-report calendar as two fields: how often, and the plan's words for the deadline. */
  progressKind?: TReportingPeriodKind | null;
  progressText?: string | null;
};

const PROGRESS_KINDS = ["quarter", "half", "year"] as const;

const SYMBOL = { ">=": "≥", "<=": "≤", "=": "=" } as const;

/** Creates a plan, or edits one (`plan` given): its header, the plan it carries out, and its targets. */
export function PlanFormModal({
  open,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan?: TPlanDetail;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TFields>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const units = useUnits();
  const plans = usePlans();
  const startYear = Form.useWatch("startYear", form);
  const indicatorOptions = useIndicatorOptions(startYear);
  const saving = create.isPending || update.isPending;

  const progressKind = Form.useWatch("progressKind", form);

  const submit = ({ issuedOn, progressKind, progressText, ...values }: TFields) => {
    const body = {
      ...values,
      issuedOn: issuedOn ? issuedOn.format("YYYY-MM-DD") : null,
      progressCalendar: progressKind ? { kind: progressKind, text: progressText ?? "" } : null,
      targets: values.targets ?? [],
    };
    const done = (detail: TPlanDetail) => {
      void message.success(t("plans.saved"));
      onSaved(detail.id);
    };
    if (plan) update.mutate({ id: plan.id, ...body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <Modal
      open={open}
      width={860}
      title={plan ? t("plans.edit") : t("plans.create")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<TFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          plan
            ? {
                code: plan.code,
                title: plan.title,
                issuerUnitId: plan.issuer?.id ?? null,
                issuerText: plan.issuerText,
                issuedOn: plan.issuedOn ? dayjs(plan.issuedOn) : null,
                signer: plan.signer,
                startYear: plan.startYear,
                endYear: plan.endYear,
                legalBases: plan.legalBases,
                parentPlanId: plan.parent?.id ?? null,
                // The stored rule in words reads back to the same rule, so an unchanged form keeps it.
                progressKind: plan.progressCalendar?.kind ?? null,
                progressText: plan.progressCalendar
                  ? describeDeadlineRule(plan.progressCalendar.rule, plan.progressCalendar.kind)
                  : null,
                targets: plan.targets.map((x) => ({
                  label: x.label,
                  indicatorId: x.indicator?.id ?? null,
                  // Kept as it is: a target tracked against the dashboard (score, rank, mains in the top 10)
                  // would otherwise lose its link on every edit, as saving replaces the plan's targets.
                  metric: x.metric,
                  comparator: x.comparator,
                  targetValue: x.targetValue,
                  unit: x.unit,
                })),
              }
            : { targets: [], progressKind: null }
        }
      >
        <Flex gap={12}>
          <Form.Item
            label={t("plans.code")}
            name="code"
            rules={[{ required: true, message: t("plans.importer.codeRequired") }]}
          >
            <Input placeholder="17a/KH-SCT" />
          </Form.Item>
          <Form.Item label={t("plans.issuedOn")} name="issuedOn">
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label={t("plans.startYear")} name="startYear" rules={numberRules}>
            <NumberInput grouping={false} integer min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label={t("plans.endYear")} name="endYear" rules={numberRules}>
            <NumberInput grouping={false} integer min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t("plans.title")}
          name="title"
          rules={[{ required: true, message: t("plans.importer.titleRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t("plans.issuer")} name="issuerUnitId" style={{ flex: 1 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item label={t("plans.signer")} name="signer" style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item label={t("plans.parent")} name="parentPlanId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={(plans.data ?? [])
              .filter((p) => p.id !== plan?.id)
              .map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }))}
          />
        </Form.Item>
        <Form.Item label={t("plans.legalBases")} name="legalBases">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t("plans.progressKind")} name="progressKind" style={{ width: 200 }}>
            <Select
              options={[
                { value: null, label: t("plans.progressKinds.none") },
                ...PROGRESS_KINDS.map((k) => ({ value: k, label: t(`plans.progressKinds.${k}`) })),
              ]}
            />
          </Form.Item>
          {progressKind && (
            <Form.Item
              label={t("plans.progressText")}
              name="progressText"
              style={{ flex: 1 }}
              rules={[{ required: true, message: t("plans.progressTextRequired") }]}
            >
              <Input placeholder="trước ngày 10/6 và ngày 10/12" />
            </Form.Item>
          )}
        </Flex>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, "label"]}
                    rules={[{ required: true }]}
                    style={{ width: 280, marginBottom: 8 }}
                  >
                    <Input placeholder={t("plans.target")} aria-label={t("plans.target")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "comparator"]} initialValue=">=" style={{ width: 70, marginBottom: 8 }}>
                    <Select
                      options={TARGET_COMPARATORS.map((c) => ({ value: c, label: SYMBOL[c] }))}
                      aria-label={t("plans.comparator")}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "targetValue"]} rules={numberRules} style={{ marginBottom: 8 }}>
                    <NumberInput
                      placeholder={t("plans.targetValue")}
                      aria-label={t("plans.targetValue")}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "metric"]} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, "unit"]} style={{ width: 80, marginBottom: 8 }}>
                    <Input placeholder={t("plans.targetUnit")} aria-label={t("plans.targetUnit")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "indicatorId"]} style={{ width: 260, marginBottom: 8 }}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: "label" }}
                      placeholder={t("plans.indicator")}
                      options={indicatorOptions}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t("common.delete")}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ comparator: ">=" })} style={{ alignSelf: "start" }}>
                {t("plans.addTarget")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      <ErrorAlert error={create.error ?? update.error} />
    </Modal>
  );
}
