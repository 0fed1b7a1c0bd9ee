import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import type { TAccountImportResult, TAccountImportRow, TRole } from "@chiso/core";
import { Alert, Button, Checkbox, Flex, Modal, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { ACCOUNT_TEMPLATE_URL, useImportAccounts, usePreviewAccountImport } from "../api/import-accounts.ts";

const ACTION_COLORS = { create: "green", unchanged: "default", error: "red" } as const;

/** Upload the accounts sheet, check every row, then issue: the passwords go to the printable list. */
export function AccountImportModal({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (result: TAccountImportResult) => void;
}) {
  const { t } = useTranslation();
  const preview = usePreviewAccountImport();
  const commit = useImportAccounts();
  const [file, setFile] = useState<File | null>(null);
  const [sendEmail, setSendEmail] = useState(false);
  const data = preview.data;

  const close = () => {
    preview.reset();
    commit.reset();
    setFile(null);
    onClose();
  };
  const read = (chosen: File) => {
    setFile(chosen);
    commit.reset();
    preview.mutate(chosen);
    return false;
  };
  const confirm = () => {
    if (!file) return;
    commit.mutate(
      { file, sendEmail },
      {
        onSuccess: (result) => {
          close();
          onIssued(result);
        },
      },
    );
  };
  const canConfirm = Boolean(data && data.counts.errors === 0 && data.counts.newAccounts > 0);

  return (
    <Modal
      open={open}
      width={1100}
      title={t("accounts.importer.title")}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={close}>{t("common.cancel")}</Button>
          {data && (
            <Button
              onClick={() => {
                preview.reset();
                setFile(null);
              }}
            >
              {t("accounts.importer.otherFile")}
            </Button>
          )}
          <Button type="primary" disabled={!canConfirm} loading={commit.isPending} onClick={confirm}>
            {t("accounts.importer.confirm", { count: data?.counts.newAccounts ?? 0 })}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex justify="space-between" wrap gap={8}>
          <Button icon={<DownloadOutlined />} href={ACCOUNT_TEMPLATE_URL}>
            {t("accounts.importer.template")}
          </Button>
          <Checkbox checked={sendEmail} onChange={(e) => setSendEmail(e.target.checked)}>
            {t("accounts.importer.sendEmail")}
          </Checkbox>
        </Flex>
        {!data && (
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={preview.isPending}
            beforeUpload={read}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{preview.isPending ? t("common.loading") : t("accounts.importer.drop")}</p>
            <p className="ant-upload-hint">{t("accounts.importer.dropHint")}</p>
          </Upload.Dragger>
        )}
        <ErrorAlert error={preview.error ?? commit.error} />
        {data && (
          <>
            <Typography.Text strong>{t("accounts.importer.summary", data.counts)}</Typography.Text>
            {data.counts.errors > 0 && <Alert type="error" showIcon message={t("accounts.importer.hasErrors")} />}
            {data.counts.errors === 0 && data.counts.newAccounts === 0 && (
              <Alert type="info" showIcon message={t("accounts.importer.nothingNew")} />
            )}
            <Table<TAccountImportRow>
              rowKey="row"
              size="small"
              dataSource={data.rows}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ y: 420 }}
              columns={[
                { title: t("accounts.importer.row"), dataIndex: "row", width: 64 },
                {
                  title: t("accounts.unit"),
                  key: "unit",
                  render: (_, r) => (
                    <>
                      {r.unitName}{" "}
                      {r.unitAction === "create" && <Tag color="blue">{t("accounts.importer.newUnit")}</Tag>}
                    </>
                  ),
                },
                {
                  title: t("accounts.fullName"),
                  key: "person",
                  render: (_, r) => (
                    <>
                      {r.fullName}
                      <br />
                      <Typography.Text type="secondary">{r.username}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: t("accounts.roles"),
                  key: "roles",
                  render: (_, r) => (
                    <>
                      {r.roles.map((role: TRole) => (
                        <Tag key={role}>{t(`roles.${role}`)}</Tag>
                      ))}
                      {r.scopeName && <Typography.Text type="secondary"> · {r.scopeName}</Typography.Text>}
                    </>
                  ),
                },
                {
                  title: t("accounts.importer.action"),
                  dataIndex: "action",
                  width: 110,
                  render: (action: TAccountImportRow["action"]) => (
                    <Tag color={ACTION_COLORS[action]}>{t(`accounts.importer.${action}`)}</Tag>
                  ),
                },
                {
                  title: t("accounts.importer.errors"),
                  dataIndex: "errors",
                  render: (errors: string[]) => <Typography.Text type="danger">{errors.join(" ")}</Typography.Text>,
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
