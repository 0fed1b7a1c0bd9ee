import { formatDateVi, formatNumberVi, type TRound, toVietnamIso } from "@chiso/core";
import { App, Button, DatePicker, Flex, Form, Input, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useAddAdjustment, useGrantExtension, useResults } from "../api/rounds.ts";

interface TExtensionForm {
  unitId: string;
  deadline: Dayjs;
  reason: string;
}
interface TAdjustmentForm {
  unitId: string;
  points: number;
  reason: string;
}

/**
 * The coordinator's per-agency decisions: a later self-assessment deadline for one agency, and bonus or penalty
 * points; each with its reason, confirmed before it is sent (both are kept in the audit log).
 */
export function AgencyControls({ round }: { round: TRound }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  // The coordinator sees the live league table at any time: every agency of the group on one page (no criteria).
  const results = useResults(round.id, true, { pageSize: Math.max(1, round.agencyCount) });
  const extend = useGrantExtension();
  const adjust = useAddAdjustment();
  const [extensionForm] = Form.useForm<TExtensionForm>();
  const [adjustmentForm] = Form.useForm<TAdjustmentForm>();
  const rows = results.data?.rows ?? [];
  const agencies = [...rows]
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi"))
    .map((r) => ({ value: r.unitId, label: r.unitName }));
  const nameOf = (unitId: string) => rows.find((r) => r.unitId === unitId)?.unitName ?? "";
  const required = [{ required: true, message: t("assessments.required") }];

  const confirmExtension = (v: TExtensionForm) =>
    modal.confirm({
      title: t("assessments.controls.extendConfirm", {
        unit: nameOf(v.unitId),
        date: formatDateVi(v.deadline.toDate()),
      }),
      content: v.reason,
      okText: t("assessments.controls.extend"),
      cancelText: t("assessments.controls.cancel"),
      onOk: () =>
        extend
          .mutateAsync({
            id: round.id,
            unitId: v.unitId,
            // the new deadline is the last second of that day in Vietnam time, like the round's own
            deadline: toVietnamIso(`${v.deadline.format("YYYY-MM-DD")}T23:59:59`),
            reason: v.reason,
          })
          .then(() => {
            void message.success(t("assessments.controls.extended", { unit: nameOf(v.unitId) }));
            extensionForm.resetFields();
          })
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });

  const confirmAdjustment = (v: TAdjustmentForm) =>
    modal.confirm({
      title: t(v.points > 0 ? "assessments.controls.bonusConfirm" : "assessments.controls.penaltyConfirm", {
        unit: nameOf(v.unitId),
        points: formatNumberVi(Math.abs(v.points)),
      }),
      content: v.reason,
      okText: t("assessments.controls.adjust"),
      cancelText: t("assessments.controls.cancel"),
      onOk: () =>
        adjust
          .mutateAsync({ id: round.id, unitId: v.unitId, points: v.points, reason: v.reason })
          .then(() => {
            void message.success(t("assessments.controls.adjusted", { unit: nameOf(v.unitId) }));
            adjustmentForm.resetFields();
          })
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });

  if (round.status === "draft" || round.status === "published") return null;
  return (
    <Flex vertical gap={16}>
      {round.status === "open" && (
        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("assessments.controls.extensionTitle")}
          </Typography.Title>
          <Form form={extensionForm} name="extension" layout="inline" onFinish={confirmExtension}>
            <Form.Item name="unitId" label={t("assessments.agency")} rules={required}>
              <Select style={{ minWidth: 240 }} options={agencies} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="deadline" label={t("assessments.controls.newDeadline")} rules={required}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="reason" label={t("assessments.controls.reason")} rules={required}>
              <Input style={{ minWidth: 280 }} />
            </Form.Item>
            <Button htmlType="submit">{t("assessments.controls.extend")}</Button>
          </Form>
        </Flex>
      )}
      <Flex vertical gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("assessments.controls.adjustmentTitle")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("assessments.controls.adjustmentHint")}</Typography.Text>
        <Form form={adjustmentForm} name="adjustment" layout="inline" onFinish={confirmAdjustment}>
          <Form.Item name="unitId" label={t("assessments.agency")} rules={required}>
            <Select style={{ minWidth: 240 }} options={agencies} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item
            name="points"
            label={t("assessments.controls.points")}
            rules={[
              ...required,
              ...numberRules,
              {
                validator: (_, value) =>
                  value === 0 ? Promise.reject(new Error(t("assessments.controls.notZero"))) : Promise.resolve(),
              },
            ]}
          >
            <NumberInput min={-500} max={500} style={{ width: 120 }} aria-label={t("assessments.controls.points")} />
          </Form.Item>
          <Form.Item name="reason" label={t("assessments.controls.reason")} rules={required}>
            <Input style={{ minWidth: 280 }} />
          </Form.Item>
          <Button htmlType="submit">{t("assessments.controls.adjust")}</Button>
        </Form>
      </Flex>
    </Flex>
  );
}
