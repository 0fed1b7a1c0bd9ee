import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  RULE_TYPES,
  type TIndicator,
  type TIndicatorFields,
  type TRuleType,
  type TScoringRule,
  VALUE_KINDS,
} from "@chiso/core";
import { Button, Checkbox, Drawer, Flex, Form, Input, Select, Space, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";

export interface TIndicatorDraft {
  /** Editing this indicator, or adding a new one under `parentId`. */
  indicator: TIndicator | null;
  parentId: string | null;
  isBranch: boolean;
}

interface TProps {
  draft: TIndicatorDraft | null;
  saving: boolean;
  error: unknown;
  onSave(fields: TIndicatorFields): void;
  onClose(): void;
}

/** Parameters a rule type starts with, so the form never sends a half-made rule. */
function defaultRule(type: TRuleType, maxScore: number): TScoringRule {
  switch (type) {
    case "yes_no":
      return { type, input: "value" };
    case "ratio":
      return { type, numerator: "numerator", denominator: "denominator", fullAtPercent: 100 };
    case "target":
      return { type, input: "value", target: 100 };
    case "bands":
      return { type, input: "value", bands: [{ min: 1, points: maxScore }] };
    case "choice":
      return { type, input: "value", options: [{ key: "a", label: "", points: maxScore }] };
    case "parts":
      return { type, parts: [{ key: "a", label: "", points: maxScore }] };
    default:
      return { type };
  }
}

const EMPTY: Partial<TIndicatorFields> = {
  code: "",
  name: "",
  maxScore: 0,
  valueKind: "boolean",
  inputs: [],
  rule: { type: "yes_no", input: "value" },
  evidenceRequired: true,
  autoMeasured: false,
};

export function IndicatorFormDrawer({ draft, saving, error, onSave, onClose }: TProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TIndicatorFields>();
  const valueKind = Form.useWatch("valueKind", form);
  const ruleType = Form.useWatch(["rule", "type"], form) as TRuleType | undefined;
  const inputs = Form.useWatch("inputs", form) ?? [];
  const isBranch = draft?.isBranch ?? false;

  useEffect(() => {
    if (!draft) return;
    form.resetFields();
    form.setFieldsValue(
      draft.indicator ? { ...draft.indicator } : { ...EMPTY, ...(isBranch ? { valueKind: null, rule: null } : {}) },
    );
  }, [draft, form, isBranch]);

  const onRuleType = (type: TRuleType) =>
    form.setFieldValue("rule", defaultRule(type, form.getFieldValue("maxScore") ?? 0));
  const inputOptions =
    valueKind === "multi" ? inputs.filter(Boolean).map((i) => ({ value: i.key, label: i.label || i.key })) : null;

  const submit = (values: TIndicatorFields) =>
    onSave({
      ...values,
      ...(isBranch ? { valueKind: null, rule: null, inputs: [] } : {}),
      inputs: values.inputs ?? [],
    });

  return (
    <Drawer
      open={draft !== null}
      size={640}
      title={draft?.indicator ? t("editor.editIndicator", { code: draft.indicator.code }) : t("editor.addIndicator")}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form<TIndicatorFields> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Flex gap={12}>
          <Form.Item
            label={t("frameworks.code")}
            name="code"
            rules={[{ required: true, message: t("editor.codeRequired") }]}
            style={{ width: 140 }}
          >
            <Input placeholder="6.6" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("frameworks.maxScore")}
            name="maxScore"
            rules={[{ required: true, message: t("editor.maxRequired") }, ...numberRules]}
            style={{ width: 160 }}
          >
            <NumberInput max={10000} style={{ width: "100%" }} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t("editor.name")}
          name="name"
          rules={[{ required: true, whitespace: true, message: t("editor.nameRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        {isBranch ? (
          <Typography.Paragraph type="secondary">{t("editor.branchHint")}</Typography.Paragraph>
        ) : (
          <>
            <Flex gap={12}>
              <Form.Item
                label={t("editor.valueKind")}
                name="valueKind"
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <Select options={VALUE_KINDS.map((k) => ({ value: k, label: t(`editor.valueKinds.${k}`) }))} />
              </Form.Item>
              <Form.Item
                label={t("frameworks.rule")}
                name={["rule", "type"]}
                rules={[{ required: true }]}
                style={{ flex: 1 }}
              >
                <Select
                  onChange={onRuleType}
                  options={RULE_TYPES.map((r) => ({ value: r, label: t(`frameworks.ruleTypes.${r}`) }))}
                />
              </Form.Item>
            </Flex>
            {valueKind === "multi" && <InputsFields />}
            {ruleType && <RuleParams type={ruleType} inputOptions={inputOptions} />}
            <Form.Item label={t("editor.unitOfMeasure")} name="unitOfMeasure">
              <Input placeholder="hồ sơ, %, triệu đồng…" style={{ maxWidth: 240 }} />
            </Form.Item>
          </>
        )}
        <Form.Item label={t("editor.evidenceText")} name="evidenceText">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t("editor.evidencePlaceholder")} />
        </Form.Item>
        <Form.Item name="evidenceRequired" valuePropName="checked">
          <Checkbox>{t("frameworks.evidenceRequired")}</Checkbox>
        </Form.Item>
        <Form.Item label={t("editor.guidance")} name="guidance">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={t("editor.dataSource")} name="dataSource">
          <Input />
        </Form.Item>
        <Form.Item name="autoMeasured" valuePropName="checked">
          <Checkbox>{t("editor.autoMeasured")}</Checkbox>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Drawer>
  );
}

function InputsFields() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t("editor.inputs")} required>
      <Form.List name="inputs">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, "key"]}
                  rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t("editor.inputKeyRule") }]}
                  noStyle
                >
                  <Input placeholder="numerator" style={{ width: 140 }} aria-label={t("editor.inputKey")} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "label"]}
                  rules={[{ required: true, message: t("editor.inputLabelRequired") }]}
                  noStyle
                >
                  <Input placeholder={t("editor.inputLabel")} aria-label={t("editor.inputLabel")} />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  aria-label={t("common.delete")}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ key: "", label: "" })}>
              {t("editor.addInput")}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

type TInputOptions = { value: string; label: string }[] | null;

function InputSelect({ name, label, inputOptions }: { name: string[]; label: string; inputOptions: TInputOptions }) {
  if (!inputOptions) return null;
  return (
    <Form.Item label={label} name={name} rules={[{ required: true }]} style={{ flex: 1 }}>
      <Select options={inputOptions} />
    </Form.Item>
  );
}

/** The parameters of the chosen rule type. Single-valued kinds always read the input "value". */
function RuleParams({ type, inputOptions }: { type: TRuleType; inputOptions: TInputOptions }) {
  const { t } = useTranslation();
  const input = <InputSelect name={["rule", "input"]} label={t("editor.ruleInput")} inputOptions={inputOptions} />;
  switch (type) {
    case "ratio":
      return (
        <Flex gap={12} wrap>
          <InputSelect name={["rule", "numerator"]} label={t("editor.numerator")} inputOptions={inputOptions ?? []} />
          <InputSelect
            name={["rule", "denominator"]}
            label={t("editor.denominator")}
            inputOptions={inputOptions ?? []}
          />
          <Form.Item
            label={t("editor.fullAtPercent")}
            name={["rule", "fullAtPercent"]}
            rules={[{ required: true }, ...numberRules]}
          >
            <NumberInput min={1} max={100} suffix="%" style={{ width: 120 }} />
          </Form.Item>
        </Flex>
      );
    case "target":
      return (
        <Flex gap={12}>
          {input}
          <Form.Item label={t("editor.target")} name={["rule", "target"]} rules={[{ required: true }, ...numberRules]}>
            <NumberInput style={{ width: 160 }} />
          </Form.Item>
        </Flex>
      );
    case "bands":
      return (
        <>
          {input}
          <PointList name="bands" first={{ name: "min", label: t("editor.bandMin"), number: true }} />
        </>
      );
    case "choice":
      return (
        <>
          {input}
          <PointList name="options" first={{ name: "label", label: t("editor.optionLabel") }} keyed />
        </>
      );
    case "parts":
      return <PointList name="parts" first={{ name: "label", label: t("editor.partLabel") }} keyed />;
    default:
      return null;
  }
}

/** A list of "something → points" rows: bands, choice options or additive parts. */
function PointList({
  name,
  first,
  keyed = false,
}: {
  name: "bands" | "options" | "parts";
  first: { name: string; label: string; number?: boolean };
  keyed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t(`editor.${name}`)} required>
      <Form.List name={["rule", name]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8}>
                {keyed && (
                  <Form.Item
                    name={[field.name, "key"]}
                    rules={[{ required: true, message: t("editor.keyRequired") }]}
                    noStyle
                  >
                    <Input placeholder={t("editor.key")} aria-label={t("editor.key")} style={{ width: 90 }} />
                  </Form.Item>
                )}
                <Form.Item
                  name={[field.name, first.name]}
                  rules={[{ required: true, message: first.label }, ...(first.number ? numberRules : [])]}
                  noStyle
                >
                  {first.number ? (
                    <NumberInput
                      placeholder={`≥ ${first.label}`}
                      aria-label={first.label}
                      min={null}
                      style={{ width: 160 }}
                    />
                  ) : (
                    <Input placeholder={first.label} aria-label={first.label} />
                  )}
                </Form.Item>
                <Form.Item
                  name={[field.name, "points"]}
                  rules={[{ required: true, message: t("editor.points") }, ...numberRules]}
                  noStyle
                >
                  <NumberInput
                    placeholder={t("editor.points")}
                    aria-label={t("editor.points")}
                    suffix="đ"
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Button
                  icon={<MinusCircleOutlined />}
                  aria-label={t("common.delete")}
                  disabled={fields.length === 1}
                  onClick={() => remove(index)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(keyed ? { key: String.fromCharCode(97 + fields.length) } : {})}
            >
              {t("editor.addRow")}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
