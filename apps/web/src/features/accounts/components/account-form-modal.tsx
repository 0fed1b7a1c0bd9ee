import {
  can,
  isScopeRole,
  PROVINCE_PATH,
  PROVINCE_SCOPE_NAME,
  ROLES,
  scopesWhere,
  type TAccount,
  type TAccountCreate,
  type TIssuedPassword,
} from "@chiso/core";
import { App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useMe } from "../../auth/api/get-me.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { useCreateAccount } from "../api/create-account.ts";
import { useUpdateAccount } from "../api/update-account.ts";

interface TProps {
  open: boolean;
  account: TAccount | null;
  onClose(): void;
  onIssued(issued: TIssuedPassword): void;
}

export function AccountFormModal({ open, account, onClose, onIssued }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TAccountCreate>();
  const units = useUnits();
  const me = useMe().data;
  const roles = Form.useWatch("roles", form) ?? [];
  // The scopes this coordinator may grant roles in: the province (for its coordinator) and the agencies it covers.
  const scopeOptions = [
    ...(me && can(me, "account.grant", { unitPath: PROVINCE_PATH }) ? [{ value: "", label: PROVINCE_SCOPE_NAME }] : []),
    ...(units.data ?? [])
      .filter((u) => u.isActive && u.kind !== "office" && me && can(me, "account.grant", { unitPath: u.path }))
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const defaultScope = me ? (scopesWhere(me, ["coordinator"])[0]?.at(-1) ?? "") : "";
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.setFieldsValue(
      account
        ? {
            username: account.username,
            fullName: account.fullName,
            email: account.email,
            unitId: account.unitId,
            roles: account.roles,
            scopeUnitId: account.grants.find((g) => isScopeRole(g.role))?.scopeUnitId ?? defaultScope,
          }
        : { username: "", fullName: "", email: "", unitId: undefined, roles: [], scopeUnitId: defaultScope },
    );
  }, [open, account, form, create.reset, update.reset, defaultScope]);

  const submit = (input: TAccountCreate) => {
    // "" is the province in the select; the API says it with null.
    const values = { ...input, scopeUnitId: input.scopeUnitId || null };
    if (account) {
      const { username: _u, ...changes } = values;
      update.mutate(
        { id: account.id, ...changes },
        {
          onSuccess: () => {
            void message.success(t("common.saved"));
            onClose();
          },
        },
      );
    } else {
      create.mutate(values, {
        onSuccess: (issued) => {
          onClose();
          onIssued(issued);
        },
      });
    }
  };

  return (
    <Modal
      open={open}
      title={account ? t("accounts.editTitle") : t("accounts.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label={t("accounts.username")}
          name="username"
          rules={[
            { required: true, message: t("accounts.usernameRequired") },
            { pattern: /^[A-Za-z0-9._-]{3,50}$/, message: t("accounts.usernamePattern") },
          ]}
        >
          <Input disabled={Boolean(account)} autoComplete="off" autoFocus={!account} />
        </Form.Item>
        <Form.Item
          label={t("accounts.fullName")}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t("accounts.fullNameRequired") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t("accounts.email")}
          name="email"
          rules={[{ type: "email", message: t("accounts.emailInvalid") }]}
        >
          <Input type="email" />
        </Form.Item>
        <Form.Item
          label={t("accounts.unit")}
          name="unitId"
          rules={[{ required: true, message: t("accounts.unitRequired") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={units.isPending}
            options={(units.data ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label={t("accounts.roles")}
          name="roles"
          rules={[{ required: true, type: "array", min: 1, message: t("accounts.rolesRequired") }]}
        >
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {roles.some(isScopeRole) && (
          <Form.Item label={t("accounts.scope")} name="scopeUnitId" extra={t("accounts.scopeHelp")}>
            <Select showSearch={{ optionFilterProp: "label" }} options={scopeOptions} />
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={create.error ?? update.error} />
    </Modal>
  );
}
