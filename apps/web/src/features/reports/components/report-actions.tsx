import { formatNumberVi, REPORT_ACTION_LABELS, type TReportAction, type TReportDetail } from "@chiso/core";
import { App, Button, DatePicker, Flex, Form, Input, Modal, Popconfirm } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput, numberRules } from "../../../components/number-input.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { instantFromPicker, pickerFromInstant } from "../../../lib/vietnam-time.ts";
import { useReportAction } from "../api/report.ts";

/** Actions that need words (a reason, a deadline, a score) open a form; the rest only ask for confirmation. */
const NEEDS_FORM: readonly TReportAction[] = ["return", "request_explanation", "appraise"];

interface TProps {
  report: TReportDetail;
  /** Saves pending typing first; answers the version to act on, or null when that failed. */
  beforeAction(): Promise<number | null>;
}

export function ReportActions({ report, beforeAction }: TProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const action = useReportAction();
  const [formAction, setFormAction] = useState<TReportAction | null>(null);
  const lang = i18n.language === "en" ? "en" : "vi";

  const run = async (
    name: TReportAction,
    extra: { comment?: string; appraisedPoints?: number; explanationDueAt?: string } = {},
  ) => {
    const version = await beforeAction();
    if (version === null) {
      // What is on screen is not saved (a field shows an error, or the save failed): acting now would act on
      // something else than what the user sees.
      void message.error(t("reports.notSavedBeforeAction"), 6);
      return;
    }
    action.mutate(
      { id: report.id, action: name, version, ...extra },
      {
        onSuccess: () => {
          setFormAction(null);
          void message.success(t("reports.actionDone", { action: REPORT_ACTION_LABELS[name][lang] }));
        },
        onError: (e) => {
          if (!formAction) void message.error(errorMessage(e), 6);
        },
      },
    );
  };

  if (!report.allowedActions.length) return null;
  return (
    <Flex gap={8} wrap>
      {report.allowedActions.map((name) =>
        NEEDS_FORM.includes(name) ? (
          <Button
            key={name}
            danger={name !== "appraise"}
            type={name === "appraise" ? "primary" : "default"}
            onClick={() => {
              action.reset();
              setFormAction(name);
            }}
          >
            {REPORT_ACTION_LABELS[name][lang]}
          </Button>
        ) : (
          <Popconfirm
            key={name}
            title={t(`reports.confirm.${name}`)}
            okText={REPORT_ACTION_LABELS[name][lang]}
            cancelText={t("common.cancel")}
            onConfirm={() => run(name)}
          >
            <Button type="primary" loading={action.isPending && action.variables?.action === name}>
              {REPORT_ACTION_LABELS[name][lang]}
            </Button>
          </Popconfirm>
        ),
      )}
      <ActionFormModal
        report={report}
        action={formAction}
        pending={action.isPending}
        error={formAction ? action.error : null}
        onCancel={() => setFormAction(null)}
        onSubmit={(values) => run(formAction!, values)}
      />
    </Flex>
  );
}

interface TActionForm {
  comment?: string;
  appraisedPoints?: number;
  due?: Dayjs;
}

function ActionFormModal({
  report,
  action,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  report: TReportDetail;
  action: TReportAction | null;
  pending: boolean;
  error: unknown;
  onCancel(): void;
  onSubmit(values: { comment?: string; appraisedPoints?: number; explanationDueAt?: string }): void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<TActionForm>();
  const lang = i18n.language === "en" ? "en" : "vi";

  // Defaults when the dialog opens (not after its animation, which would wipe what was typed meanwhile).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when another action's dialog opens
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action === "request_explanation")
      form.setFieldValue("due", pickerFromInstant(Date.now()).add(7, "day").endOf("day"));
    if (action === "appraise") form.setFieldValue("appraisedPoints", report.appraisedPoints ?? report.selfPoints ?? 0);
  }, [action]);

  return (
    <Modal
      open={action !== null}
      title={action ? REPORT_ACTION_LABELS[action][lang] : ""}
      okText={action ? REPORT_ACTION_LABELS[action][lang] : ""}
      cancelText={t("common.cancel")}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            comment: v.comment,
            appraisedPoints: v.appraisedPoints,
            explanationDueAt: v.due && instantFromPicker(v.due),
          })
        }
      >
        {action === "appraise" && (
          <Form.Item
            label={t("reports.appraisedPoints")}
            name="appraisedPoints"
            rules={[{ required: true, message: t("reports.appraisedPointsRequired") }, ...numberRules]}
            extra={t("reports.appraiseHint", { max: formatNumberVi(report.indicator.maxScore) })}
          >
            <NumberInput
              aria-label={t("reports.appraisedPoints")}
              max={report.indicator.maxScore}
              maxLabel="điểm tối đa" // joins the core's Vietnamese message: "Vượt điểm tối đa (30)."
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
        {action === "request_explanation" && (
          <Form.Item label={t("reports.explanationDue")} name="due" rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        )}
        <Form.Item
          label={action === "appraise" ? t("reports.appraisalComment") : t("reports.reason")}
          name="comment"
          rules={
            action === "appraise" ? [] : [{ required: true, whitespace: true, message: t("reports.reasonRequired") }]
          }
        >
          <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
