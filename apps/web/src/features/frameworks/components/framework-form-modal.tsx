import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  FRAMEWORK_LEVELS,
  type TFrameworkAdjustment,
  type TFrameworkCreate,
  type TFrameworkDetail,
  type TFrameworkSummary,
} from "@chiso/core";
import { Button, Flex, Form, Input, Modal, Select, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { useCloneFramework, useCreateFramework, useUpdateFramework } from "../api/save-framework.ts";

export type TFrameworkFormMode =
  | { kind: "create" }
  | { kind: "edit"; framework: TFrameworkSummary }
  | { kind: "clone"; framework: TFrameworkSummary };

interface TProps {
  mode: TFrameworkFormMode | null;
  onClose(): void;
  onSaved(framework: TFrameworkDetail): void;
}

/** Creates a framework, edits its description, or clones it for a new year (codes and assignment kept). */
export function FrameworkFormModal({ mode, onClose, onSaved }: TProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TFrameworkCreate & { adjustments?: TFrameworkAdjustment[] }>();
  const create = useCreateFramework();
  const update = useUpdateFramework();
  const clone = useCloneFramework();
  const mutation = mode?.kind === "edit" ? update : mode?.kind === "clone" ? clone : create;

  useEffect(() => {
    if (!mode) return;
    create.reset();
    update.reset();
    clone.reset();
    form.resetFields();
    if (mode.kind === "create") form.setFieldsValue({ year: new Date().getFullYear(), level: "province" });
    else {
      const f = mode.framework;
      const year = mode.kind === "clone" ? f.year + 1 : f.year;
      form.setFieldsValue({
        code: mode.kind === "clone" ? f.code.replace(String(f.year), String(year)) : f.code,
        name: mode.kind === "clone" ? f.name.replace(String(f.year), String(year)) : f.name,
        year,
        level: f.level,
        legalBasis: f.legalBasis,
        adjustments: f.adjustments,
      });
    }
  }, [mode, form, create.reset, update.reset, clone.reset]);

  const submit = (values: TFrameworkCreate & { adjustments?: TFrameworkAdjustment[] }) => {
    const done = { onSuccess: (detail: TFrameworkDetail) => onSaved(detail) };
    if (mode?.kind === "edit") update.mutate({ id: mode.framework.id, ...values }, done);
    else if (mode?.kind === "clone")
      clone.mutate({ id: mode.framework.id, code: values.code, name: values.name, year: values.year }, done);
    else create.mutate(values, done);
  };

  const title =
    mode?.kind === "edit"
      ? t("editor.editFramework")
      : mode?.kind === "clone"
        ? t("editor.cloneFramework")
        : t("editor.newFramework");
  return (
    <Modal
      open={mode !== null}
      title={title}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label={t("editor.frameworkCode")}
          name="code"
          rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{2,50}$/, message: t("editor.frameworkCodeRule") }]}
        >
          <Input placeholder="DTI-TINH-2026" />
        </Form.Item>
        <Form.Item
          label={t("editor.frameworkName")}
          name="name"
          rules={[{ required: true, whitespace: true, min: 3, message: t("editor.frameworkNameRequired") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t("editor.year")}
          name="year"
          rules={[{ required: true, type: "integer", min: 2000, max: 2100, message: t("editor.yearRule") }]}
        >
          <NumberInput grouping={false} integer min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label={t("frameworks.levelLabel")} name="level" rules={[{ required: true }]}>
          <Select
            disabled={mode?.kind === "clone"}
            options={FRAMEWORK_LEVELS.map((l) => ({ value: l, label: t(`frameworks.level.${l}`) }))}
          />
        </Form.Item>
        {mode?.kind !== "clone" && (
          <Form.Item label={t("frameworks.legalBasis")} name="legalBasis">
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder="QĐ 405/QĐ-BKHCN ngày 03/4/2025" />
          </Form.Item>
        )}
        {mode?.kind === "edit" && <AdjustmentsFields />}
      </Form>
      <ErrorAlert error={mutation.error} />
    </Modal>
  );
}

/** Điểm thưởng, điểm trừ at framework level: added to (or taken from) the total after the indicators. */
function AdjustmentsFields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t("editor.adjustments")} extra={t("editor.adjustmentsHint")}>
      <Form.List name="adjustments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8}>
                <Form.Item
                  name={[field.name, "code"]}
                  rules={[{ required: true, message: t("editor.keyRequired") }]}
                  noStyle
                >
                  <Input placeholder={t("editor.key")} aria-label={t("editor.key")} style={{ width: 80 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "label"]}
                  rules={[{ required: true, message: t("editor.adjustmentLabel") }]}
                  noStyle
                >
                  <Input placeholder={t("editor.adjustmentLabel")} aria-label={t("editor.adjustmentLabel")} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "points"]}
                  rules={[{ required: true, message: t("editor.points") }, ...numberRules]}
                  noStyle
                >
                  <NumberInput placeholder="±" aria-label={t("editor.points")} min={null} style={{ width: 100 }} />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  aria-label={t("common.delete")}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ code: `T${fields.length + 1}`, label: "", points: 0 })}
            >
              {t("editor.addRow")}
            </Button>
            {fields.length === 0 && <Typography.Text type="secondary">{t("editor.noAdjustments")}</Typography.Text>}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
