import type { TPlanImportPreview } from "@chiso/core";
import { Alert, DatePicker, Flex, Form, type FormInstance, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { usePlans } from "../api/list-plans.ts";

export interface THeaderFields {
  code: string;
  title: string;
  issuedOn: Dayjs | null;
  signer: string | null;
  startYear: number | null;
  endYear: number | null;
  issuerUnitId: string | null;
  parentPlanId: string | null;
  legalBases: string | null;
}

/** What the document's first lines said, as suggestions the user corrects before confirming. */
export function headerDefaults(preview: TPlanImportPreview): THeaderFields {
  const h = preview.header;
  return {
    code: h.code ?? "",
    title: h.title ?? "",
    issuedOn: h.issuedOn ? dayjs(h.issuedOn) : null,
    signer: h.signer,
    startYear: h.startYear,
    endYear: h.endYear,
    issuerUnitId: preview.suggestedIssuer?.id ?? null,
    parentPlanId: preview.suggestedParent?.id ?? null,
    legalBases: h.legalBases,
  };
}

export function ImportHeaderForm({
  form,
  preview,
}: {
  form: FormInstance<THeaderFields>;
  preview: TPlanImportPreview;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const plans = usePlans();
  return (
    <Form<THeaderFields> form={form} layout="vertical" initialValues={headerDefaults(preview)} size="small">
      {preview.existingPlan && (
        <Alert
          type="warning"
          showIcon
          title={t("plans.importer.existing", { code: preview.existingPlan.code })}
          style={{ marginBottom: 8 }}
        />
      )}
      <Flex gap={12} wrap>
        <Form.Item
          label={t("plans.code")}
          name="code"
          rules={[{ required: true, message: t("plans.importer.codeRequired") }]}
        >
          <Input style={{ width: 170 }} />
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
        <Form.Item label={t("plans.signer")} name="signer">
          <Input style={{ width: 200 }} />
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
        <Form.Item label={t("plans.parent")} name="parentPlanId" style={{ flex: 1 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.title}` }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item label={t("plans.legalBases")} name="legalBases">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </Form>
  );
}
