import { InboxOutlined } from "@ant-design/icons";
import { type TUnitKind, type TUnitResolution, UNIT_KIND_LABELS } from "@chiso/core";
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Select, Steps, Table, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { useUnits } from "../../units/api/list-units.ts";
import { useCommitImport, usePreviewImport } from "../api/import-framework.ts";

interface TProps {
  open: boolean;
  onClose(): void;
  onImported(frameworkId: string): void;
}

const CREATE_PREFIX = "create:";

/**
 * Upload an Excel or JSON framework, see every problem with its row, map the unit names the province
 * does not have, then confirm: nothing is saved before that, and it is saved in one transaction.
 */
export function FrameworkImportModal({ open, onClose, onImported }: TProps) {
  const { t, i18n } = useTranslation();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const units = useUnits();
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [meta, setMeta] = useState<{ code: string; name: string; year: number } | null>(null);
  const lang = i18n.language === "en" ? "en" : "vi";

  useEffect(() => {
    if (!open) return;
    preview.reset();
    commit.reset();
    setChoices({});
    setMeta(null);
  }, [open, preview.reset, commit.reset]);

  const data = preview.data;
  useEffect(() => {
    if (data?.transfer)
      setMeta({
        code: data.transfer.framework.code,
        name: data.transfer.framework.name,
        year: data.transfer.framework.year,
      });
  }, [data]);

  const resolution = (choice: string | null | undefined): TUnitResolution => {
    if (!choice) return null;
    if (choice.startsWith(CREATE_PREFIX)) return { createKind: choice.slice(CREATE_PREFIX.length) as TUnitKind };
    return { unitId: choice };
  };
  const confirm = () => {
    if (!data?.transfer || !meta) return;
    commit.mutate(
      {
        transfer: { ...data.transfer, framework: { ...data.transfer.framework, ...meta } },
        unitResolutions: Object.fromEntries(data.unmatched.map((name) => [name, resolution(choices[name])])),
      },
      { onSuccess: (detail) => onImported(detail.id) },
    );
  };

  const unitOptions = [
    { label: t("transfer.existingUnits"), options: (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) },
    {
      label: t("transfer.createUnit"),
      options: (Object.keys(UNIT_KIND_LABELS) as TUnitKind[]).map((k) => ({
        value: `${CREATE_PREFIX}${k}`,
        label: `${t("transfer.createAs")} ${UNIT_KIND_LABELS[k][lang]}`,
      })),
    },
  ];
  const canConfirm = Boolean(data?.transfer) && data?.issues.length === 0 && meta !== null;

  return (
    <Modal
      open={open}
      width={900}
      title={t("transfer.importTitle")}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          {data && (
            <Button onClick={() => preview.reset()} disabled={commit.isPending}>
              {t("transfer.otherFile")}
            </Button>
          )}
          <Button type="primary" disabled={!canConfirm} loading={commit.isPending} onClick={confirm}>
            {t("transfer.confirm")}
          </Button>
        </Flex>
      }
    >
      <Steps
        size="small"
        current={data ? 1 : 0}
        items={[{ title: t("transfer.stepFile") }, { title: t("transfer.stepCheck") }]}
        style={{ marginBottom: 16 }}
      />
      {!data && (
        <Upload.Dragger
          accept=".xlsx,.json"
          multiple={false}
          showUploadList={false}
          disabled={preview.isPending}
          beforeUpload={(file) => {
            preview.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{preview.isPending ? t("common.loading") : t("transfer.drop")}</p>
          <p className="ant-upload-hint">{t("transfer.dropHint")}</p>
        </Upload.Dragger>
      )}
      <ErrorAlert error={preview.error} />
      {data && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{data.fileName}</Typography.Text>
          {data.issues.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t("transfer.issues", { count: data.issues.length })}
              description={
                <ul
                  style={{ margin: 0, paddingLeft: 20, maxHeight: 240, overflow: "auto" }}
                  data-testid="import-issues"
                >
                  {[...new Set(data.issues.map((issue) => issue.message))].map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon title={t("transfer.ok", { count: data.transfer?.indicators.length ?? 0 })} />
          )}
          {meta && (
            <Form layout="inline">
              <Form.Item label={t("editor.frameworkCode")}>
                <Input
                  value={meta.code}
                  onChange={(e) => setMeta({ ...meta, code: e.target.value })}
                  aria-label={t("editor.frameworkCode")}
                />
              </Form.Item>
              <Form.Item label={t("editor.frameworkName")}>
                <Input
                  value={meta.name}
                  onChange={(e) => setMeta({ ...meta, name: e.target.value })}
                  style={{ width: 320 }}
                  aria-label={t("editor.frameworkName")}
                />
              </Form.Item>
              <Form.Item label={t("editor.year")}>
                <NumberInput
                  value={meta.year}
                  grouping={false}
                  integer
                  min={2000}
                  max={2100}
                  style={{ width: 100 }}
                  onChange={(v) => v !== null && !Number.isNaN(v) && setMeta({ ...meta, year: v })}
                  aria-label={t("editor.year")}
                />
              </Form.Item>
            </Form>
          )}
          {data.transfer && (
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t("transfer.matched")}>{Object.keys(data.matched).length}</Descriptions.Item>
              <Descriptions.Item label={t("transfer.unmatched")}>{data.unmatched.length}</Descriptions.Item>
              {Object.entries(data.groups).map(([text, unitIds]) => (
                <Descriptions.Item key={text} label={t("transfer.group", { text })} span={2}>
                  {t("transfer.groupUnits", { count: unitIds.length })}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {data.unmatched.length > 0 && (
            <Table
              size="small"
              rowKey={(name) => name}
              dataSource={data.unmatched}
              pagination={false}
              columns={[
                { title: t("transfer.nameInFile"), render: (_, name: string) => name },
                {
                  title: t("transfer.mapTo"),
                  width: 380,
                  render: (_, name: string) => (
                    <Select
                      aria-label={`${t("transfer.mapTo")} ${name}`}
                      allowClear
                      showSearch={{ optionFilterProp: "label" }}
                      style={{ width: "100%" }}
                      placeholder={t("transfer.leaveUnassigned")}
                      value={choices[name] ?? undefined}
                      onChange={(v) => setChoices((c) => ({ ...c, [name]: v ?? null }))}
                      options={unitOptions}
                    />
                  ),
                },
              ]}
            />
          )}
          <ErrorAlert error={commit.error} />
        </Flex>
      )}
    </Modal>
  );
}
