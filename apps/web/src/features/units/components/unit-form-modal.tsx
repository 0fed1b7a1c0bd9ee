import { defaultOwnerUnitId, type TUnit, type TUnitCreate, UNIT_KIND_LABELS, UNIT_KINDS } from "@chiso/core";
import { App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useMe } from "../../auth/api/get-me.ts";
import { useSaveUnit } from "../api/save-unit.ts";

interface TProps {
  open: boolean;
  unit: TUnit | null;
  units: TUnit[];
  onClose(): void;
}

export function UnitFormModal({ open, unit, units, onClose }: TProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TUnitCreate>();
  const save = useSaveUnit();
  const lang = i18n.language === "en" ? "en" : "vi";
  // A new unit goes under the scope its creator coordinates (a department's office under the department).
  const me = useMe().data;
  const defaultParent = me ? defaultOwnerUnitId(me, undefined) : null;

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue(
      unit
        ? { name: unit.name, shortName: unit.shortName, kind: unit.kind, parentId: unit.parentId }
        : { name: "", shortName: "", kind: undefined, parentId: defaultParent },
    );
  }, [open, unit, form, save.reset, defaultParent]);

  const submit = (values: TUnitCreate) =>
    save.mutate(
      { ...values, parentId: values.parentId ?? null, id: unit?.id },
      {
        onSuccess: () => {
          void message.success(unit ? t("common.saved") : t("units.created"));
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={unit ? t("units.editTitle") : t("units.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label={t("units.name")}
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: t("units.nameRequired") }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item label={t("units.shortName")} name="shortName">
          <Input maxLength={50} placeholder="Sở KH&CN" />
        </Form.Item>
        <Form.Item label={t("units.kind")} name="kind" rules={[{ required: true, message: t("units.kindRequired") }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))} />
        </Form.Item>
        <Form.Item label={t("units.parent")} name="parentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
