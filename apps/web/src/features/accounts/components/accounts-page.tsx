import { FileExcelOutlined, PlusOutlined } from "@ant-design/icons";
import {
  formatDateTimeVi,
  matchesSearch,
  type TAccount,
  type TAccountImportResult,
  type TIssuedPassword,
  type TRole,
} from "@chiso/core";
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useAccounts } from "../api/list-accounts.ts";
import { useResetPassword } from "../api/reset-password.ts";
import { useUnlockLogin } from "../api/unlock-login.ts";
import { useUpdateAccount } from "../api/update-account.ts";
import { AccountFormModal } from "./account-form-modal.tsx";
import { AccountImportModal } from "./account-import-modal.tsx";
import { IssuedPasswordList } from "./issued-password-list.tsx";
import { IssuedPasswordModal } from "./issued-password-modal.tsx";

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useAccounts();
  const update = useUpdateAccount();
  const reset = useResetPassword();
  const unlock = useUnlockLogin();
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<TAccount | null | undefined>(undefined);
  const [issued, setIssued] = useState<TIssuedPassword | null>(null);
  const [importing, setImporting] = useState(false);
  const [issuedList, setIssuedList] = useState<TAccountImportResult | null>(null);

  const rows = useMemo(
    () => (accounts.data ?? []).filter((a) => matchesSearch(`${a.username} ${a.fullName} ${a.unitName}`, query)),
    [accounts.data, query],
  );

  const toggleDisabled = (account: TAccount) =>
    update.mutate(
      { id: account.id, isDisabled: !account.isDisabled },
      { onError: (e) => void message.error(errorMessage(e)) },
    );
  const resetPassword = (account: TAccount) =>
    reset.mutate(account.id, { onSuccess: setIssued, onError: (e) => void message.error(errorMessage(e)) });
  const unlockLogin = (account: TAccount) =>
    unlock.mutate(account.id, {
      onSuccess: ({ blocksLifted }) =>
        void message.success(
          blocksLifted
            ? t("accounts.unlocked", { username: account.username })
            : t("accounts.notBlocked", { username: account.username }),
        ),
      onError: (e) => void message.error(errorMessage(e)),
    });

  if (issuedList) return <IssuedPasswordList result={issuedList} onClose={() => setIssuedList(null)} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("accounts.title")}
        </Typography.Title>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)}>
            {t("accounts.importer.open")}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t("accounts.createTitle")}
          </Button>
        </Space>
      </Flex>
      <Input.Search
        allowClear
        placeholder={t("common.search")}
        aria-label={t("common.search")}
        onChange={(e) => setQuery(e.target.value)}
        style={{ maxWidth: 320 }}
      />
      <ErrorAlert error={accounts.error} onRetry={() => accounts.refetch()} />
      <Table<TAccount>
        rowKey="id"
        size="small"
        loading={accounts.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("accounts.username"), dataIndex: "username", width: 150 },
          { title: t("accounts.fullName"), dataIndex: "fullName" },
          { title: t("accounts.unit"), dataIndex: "unitName" },
          {
            title: t("accounts.roles"),
            dataIndex: "roles",
            render: (roles: TRole[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
          {
            title: t("accounts.status"),
            key: "status",
            width: 170,
            render: (_, a) => (
              <Space size={4} wrap>
                {a.isDisabled ? (
                  <Tag color="red">{t("accounts.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("accounts.enabled")}</Tag>
                )}
                {a.mustChangePassword && <Tag color="orange">{t("accounts.mustChange")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("accounts.lastLogin"),
            dataIndex: "lastLoginAt",
            width: 150,
            render: (at: string | null) =>
              at ? formatDateTimeVi(at) : <Typography.Text type="secondary">{t("accounts.never")}</Typography.Text>,
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 250,
            render: (_, account) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(account)}>
                  {t("common.edit")}
                </Button>
                <Popconfirm
                  title={
                    account.isDisabled
                      ? t("accounts.enable")
                      : t("accounts.disableConfirm", { username: account.username })
                  }
                  okText={account.isDisabled ? t("accounts.enable") : t("accounts.disable")}
                  cancelText={t("common.cancel")}
                  okButtonProps={{ danger: !account.isDisabled }}
                  onConfirm={() => toggleDisabled(account)}
                >
                  <Button type="link" size="small" danger={!account.isDisabled}>
                    {account.isDisabled ? t("accounts.enable") : t("accounts.disable")}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t("accounts.resetConfirm", { username: account.username })}
                  okText={t("accounts.resetPassword")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => resetPassword(account)}
                >
                  <Button type="link" size="small">
                    {t("accounts.resetPassword")}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" onClick={() => unlockLogin(account)}>
                  {t("accounts.unlockLogin")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AccountFormModal
        open={editing !== undefined}
        account={editing ?? null}
        onClose={() => setEditing(undefined)}
        onIssued={setIssued}
      />
      <IssuedPasswordModal issued={issued} onClose={() => setIssued(null)} />
      <AccountImportModal open={importing} onClose={() => setImporting(false)} onIssued={setIssuedList} />
    </Flex>
  );
}
