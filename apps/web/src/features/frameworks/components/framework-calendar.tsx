import {
  DEFAULT_DEADLINE_RULES,
  describeDeadlineRule,
  parseDeadlineText,
  REPORTING_PERIOD_KINDS,
  type TDeadlineRule,
  type TFrameworkDetail,
  type TReportingCalendar,
  type TReportingPeriodKind,
} from "@chiso/core";
import { App, Button, Flex, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useSetFrameworkCalendar } from "../api/save-framework.ts";

/** "Quý: Trước ngày 25 tháng cuối quý · 6 tháng: … · Năm: …", the defaults marked as such. */
export function CalendarText({ framework }: { framework: TFrameworkDetail }) {
  const { t } = useTranslation();
  return (
    <span data-testid="framework-calendar">
      {REPORTING_PERIOD_KINDS.map((kind) => {
        const rule = framework.deadlineRules[kind];
        const words = describeDeadlineRule(rule ?? DEFAULT_DEADLINE_RULES[kind], kind);
        return `${t(`periods.kinds.${kind}`)}: ${words}${rule ? "" : ` (${t("calendar.default")})`}`;
      }).join(" · ")}
    </span>
  );
}

/**
 * The coordinator types each deadline as the plan words it ("trước ngày 10 tháng cuối quý"); what was read is shown
 * back in words before saving, and a text that names no rule is refused rather than guessed.
 */
export function CalendarModal({ framework, onClose }: { framework: TFrameworkDetail | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetFrameworkCalendar();
  const [texts, setTexts] = useState<Partial<Record<TReportingPeriodKind, string>>>({});
  if (!framework) return null;
  const read = (kind: TReportingPeriodKind): TDeadlineRule | null | undefined => {
    const text = texts[kind]?.trim();
    if (!text) return framework.deadlineRules[kind];
    return parseDeadlineText(text, kind);
  };
  const unreadable = REPORTING_PERIOD_KINDS.filter((kind) => read(kind) === null);
  const submit = () => {
    const deadlineRules: TReportingCalendar = {};
    for (const kind of REPORTING_PERIOD_KINDS) {
      const rule = read(kind);
      if (rule) deadlineRules[kind] = rule;
    }
    save.mutate(
      { id: framework.id, deadlineRules },
      {
        onSuccess: () => {
          void message.success(t("calendar.saved"));
          setTexts({});
          onClose();
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t("calendar.title")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: unreadable.length > 0 }}
      confirmLoading={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t("calendar.hint")}</Typography.Paragraph>
      <Form layout="vertical">
        {REPORTING_PERIOD_KINDS.map((kind) => {
          const rule = read(kind);
          return (
            <Form.Item
              key={kind}
              label={t(`periods.kinds.${kind}`)}
              validateStatus={rule === null ? "error" : undefined}
              help={
                rule === null
                  ? t("calendar.unreadable")
                  : `${t("calendar.readAs")}: ${describeDeadlineRule(rule ?? DEFAULT_DEADLINE_RULES[kind], kind)}${rule ? "" : ` (${t("calendar.default")})`}`
              }
            >
              <Input
                aria-label={t(`periods.kinds.${kind}`)}
                placeholder={t(`calendar.examples.${kind}`)}
                value={texts[kind] ?? ""}
                onChange={(e) => setTexts((v) => ({ ...v, [kind]: e.target.value }))}
              />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}

export function CalendarButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Flex>
      <Button size="small" type="link" onClick={onClick}>
        {t("calendar.edit")}
      </Button>
    </Flex>
  );
}
