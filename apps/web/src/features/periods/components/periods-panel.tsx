import { PlusOutlined } from "@ant-design/icons";
import {
  canSomewhere,
  DEFAULT_DEADLINE_RULES,
  defaultDeadline,
  describeDeadlineRule,
  formatDateTimeVi,
  formatDateVi,
  periodWindow,
  type TPeriod,
  type TReportingPeriodKind,
} from "@chiso/core";
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { instantFromPicker, pickerFromInstant } from "../../../lib/vietnam-time.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useFrameworks } from "../../frameworks/api/list-frameworks.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { useGrantExtension, useOpenPeriod, usePeriods, useUpdatePeriod } from "../api/periods.ts";

const MAX_INDEX: Record<TReportingPeriodKind, number> = { quarter: 4, half: 2, year: 1 };

/** Kỳ báo cáo: the coordinator opens periods (deadline from the plan's rule, changeable), closes them, extends per unit. */
export function PeriodsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const periods = usePeriods();
  const update = useUpdatePeriod();
  const [opening, setOpening] = useState(false);
  const [extending, setExtending] = useState<TPeriod | null>(null);
  const manages = me ? canSomewhere(me, "period.manage") : false;

  return (
    <Flex vertical gap={12}>
      {manages && (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t("periods.open")}
          </Button>
        </Flex>
      )}
      <ErrorAlert error={periods.error} onRetry={() => periods.refetch()} />
      <Table<TPeriod>
        rowKey="id"
        size="small"
        loading={periods.isPending}
        dataSource={periods.data}
        pagination={false}
        locale={{ emptyText: t("reports.noPeriods") }}
        columns={[
          { title: t("reports.period"), dataIndex: "label", width: 140 },
          { title: t("frameworks.title"), dataIndex: "frameworkName" },
          {
            title: t("periods.window"),
            key: "window",
            width: 200,
            render: (_, p) => `${formatDateVi(p.windowStart)} – ${formatDateVi(p.windowEnd)}`,
          },
          {
            title: t("reports.deadline"),
            dataIndex: "deadline",
            width: 160,
            render: (d: string, p) => (
              <>
                {formatDateTimeVi(d)}
                {p.deadlineRuleText && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    {p.deadlineRuleText}
                  </Typography.Paragraph>
                )}
                {p.outOfYearReason && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    {t("periods.outOfYear")}: {p.outOfYearReason}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: t("periods.extensions"),
            dataIndex: "extensions",
            render: (extensions: TPeriod["extensions"]) =>
              extensions.map((e) => (
                <Typography.Paragraph key={e.unitId} style={{ margin: 0, fontSize: 12 }}>
                  {e.unitName}: {formatDateTimeVi(e.deadline)} — {e.reason}
                </Typography.Paragraph>
              )),
          },
          {
            title: t("reports.status"),
            dataIndex: "isClosed",
            width: 110,
            render: (closed: boolean) =>
              closed ? <Tag>{t("periods.closed")}</Tag> : <Tag color="green">{t("periods.openTag")}</Tag>,
          },
          ...(manages
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 230,
                  render: (_: unknown, p: TPeriod) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setExtending(p)}>
                        {t("periods.extend")}
                      </Button>
                      <Popconfirm
                        title={p.isClosed ? t("periods.reopenConfirm") : t("periods.closeConfirm")}
                        okText={t("common.yes")}
                        cancelText={t("common.cancel")}
                        onConfirm={() =>
                          update.mutate(
                            { id: p.id, isClosed: !p.isClosed },
                            { onError: (e) => void message.error(errorMessage(e)) },
                          )
                        }
                      >
                        <Button type="link" size="small">
                          {p.isClosed ? t("periods.reopen") : t("periods.close")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OpenPeriodModal open={opening} onClose={() => setOpening(false)} />
      <ExtensionModal period={extending} onClose={() => setExtending(null)} />
    </Flex>
  );
}

interface TOpenForm {
  frameworkId: string;
  kind: TReportingPeriodKind;
  year: number;
  index: number;
  deadline: Dayjs;
  outOfYearReason?: string;
}

function OpenPeriodModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TOpenForm>();
  const frameworks = useFrameworks();
  const openPeriod = useOpenPeriod();
  const kind = Form.useWatch("kind", form) ?? "quarter";
  const year = Form.useWatch("year", form);
  const index = Form.useWatch("index", form);
  const frameworkId = Form.useWatch("frameworkId", form);
  const framework = frameworks.data?.find((f) => f.id === frameworkId);
  const window = year && index && index <= MAX_INDEX[kind] ? periodWindow(kind, year, index) : null;
  const ruleText = describeDeadlineRule(framework?.deadlineRules[kind] ?? DEFAULT_DEADLINE_RULES[kind], kind);
  const outOfYear = Boolean(framework && year && framework.year !== year);
  // Sent only when the coordinator moved it: otherwise the server applies (and records) the framework's rule.
  const [ruleDeadline, setRuleDeadline] = useState<string | null>(null);

  // The framework's calendar gives the deadline; the coordinator may still move it.
  const fillDefault = () => {
    const v = form.getFieldsValue();
    const rules = frameworks.data?.find((f) => f.id === v.frameworkId)?.deadlineRules ?? {};
    if (v.kind && v.year && v.index && v.index <= MAX_INDEX[v.kind]) {
      const due = defaultDeadline(v.kind, v.year, v.index, rules);
      setRuleDeadline(due);
      form.setFieldValue("deadline", pickerFromInstant(due));
    }
  };

  // Defaults are set when the dialog opens, before the user can type; later data must not overwrite typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the dialog opens
  useEffect(() => {
    if (!open) return;
    openPeriod.reset();
    form.setFieldsValue({
      frameworkId: frameworks.data?.find((f) => f.status === "published")?.id,
      kind: "quarter",
      year: new Date().getFullYear(),
      index: Math.floor(new Date().getMonth() / 3) + 1,
    });
    fillDefault();
  }, [open]);

  const submit = (v: TOpenForm) =>
    openPeriod.mutate(
      {
        frameworkId: v.frameworkId,
        kind: v.kind,
        year: v.year,
        index: v.index,
        ...(ruleDeadline && pickerFromInstant(ruleDeadline).isSame(v.deadline, "minute")
          ? {}
          : { deadline: instantFromPicker(v.deadline) }),
        ...(outOfYear && { outOfYearReason: v.outOfYearReason }),
      },
      {
        onSuccess: (p) => {
          void message.success(t("periods.opened", { label: p.label }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t("periods.open")}
      okText={t("periods.open")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={openPeriod.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => ("deadline" in changed ? undefined : fillDefault())}
      >
        <Form.Item
          label={t("frameworks.title")}
          name="frameworkId"
          rules={[{ required: true, message: t("periods.frameworkRequired") }]}
        >
          <Select
            options={(frameworks.data ?? [])
              .filter((f) => f.status === "published")
              .map((f) => ({ value: f.id, label: f.name }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t("periods.kind")} name="kind" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              options={(["quarter", "half", "year"] as const).map((k) => ({
                value: k,
                label: t(`periods.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t("editor.year")} name="year" rules={[{ required: true }, ...numberRules]}>
            <NumberInput grouping={false} integer min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            label={t("periods.index")}
            name="index"
            rules={[
              {
                required: true,
                type: "integer",
                min: 1,
                max: MAX_INDEX[kind],
                message: t("periods.indexRule", { max: MAX_INDEX[kind] }),
              },
            ]}
          >
            <NumberInput
              grouping={false}
              integer
              min={1}
              max={MAX_INDEX[kind]}
              disabled={kind === "year"}
              style={{ width: 80 }}
            />
          </Form.Item>
        </Flex>
        {window && (
          <Typography.Paragraph type="secondary">
            {t("periods.window")}: {formatDateVi(window.start)} – {formatDateVi(window.end)}
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t("reports.deadline")}
          name="deadline"
          rules={[{ required: true }]}
          extra={`${ruleText}. ${t("periods.deadlineHint")}`}
        >
          <DatePicker showTime format="DD/MM/YYYY HH:mm" />
        </Form.Item>
        {outOfYear && framework && (
          <Form.Item
            label={t("periods.outOfYearReason", { year: framework.year })}
            name="outOfYearReason"
            rules={[{ required: true, min: 5, message: t("periods.outOfYearRequired") }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={openPeriod.error} />
    </Modal>
  );
}

function ExtensionModal({ period, onClose }: { period: TPeriod | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; deadline: Dayjs; reason: string }>();
  const units = useUnits();
  const grant = useGrantExtension();
  return (
    <Modal
      open={period !== null}
      title={t("periods.extendTitle", { label: period?.label ?? "" })}
      okText={t("periods.extend")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => visible && grant.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          period &&
          grant.mutate(
            { periodId: period.id, unitId: v.unitId, deadline: instantFromPicker(v.deadline), reason: v.reason },
            {
              onSuccess: () => {
                void message.success(t("periods.extended"));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          label={t("reports.unit")}
          name="unitId"
          rules={[{ required: true, message: t("accounts.unitRequired") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t("periods.newDeadline")}
          name="deadline"
          rules={[{ required: true, message: t("periods.newDeadline") }]}
        >
          <DatePicker showTime format="DD/MM/YYYY HH:mm" />
        </Form.Item>
        <Form.Item
          label={t("periods.reason")}
          name="reason"
          rules={[{ required: true, min: 5, message: t("periods.reasonRule") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      <ErrorAlert error={grant.error} />
    </Modal>
  );
}
