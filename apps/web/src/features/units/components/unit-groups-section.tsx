import { PlusOutlined } from "@ant-design/icons";
import type { TNamedUnitGroup, TUnit, TUnitGroupInput } from "@chiso/core";
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useDeleteUnitGroup } from "../api/delete-unit-group.ts";
import { useUnitGroups } from "../api/list-unit-groups.ts";
import { useSaveUnitGroup } from "../api/save-unit-group.ts";

/**
 * Named groups of units ("Sở, ban, ngành", "Xã, phường, đặc khu"): a framework's group text assigns their members.
 * The coordinator of the scope keeping a group edits it; others read it.
 */
export function UnitGroupsSection({ units, canCreate }: { units: TUnit[]; canCreate: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const groups = useUnitGroups();
  const remove = useDeleteUnitGroup();
  const [editing, setEditing] = useState<TNamedUnitGroup | null | undefined>(undefined);

  const onDelete = (group: TNamedUnitGroup) =>
    remove.mutate(group.id, {
      onSuccess: () => void message.success(t("unitGroups.deleted")),
      onError: (error) => void message.error(errorMessage(error), 8),
    });

  return (
    <Flex vertical gap={12} data-testid="unit-groups">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("unitGroups.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("unitGroups.hint")}</Typography.Text>
        </Flex>
        {canCreate && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t("unitGroups.create")}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={groups.error} onRetry={() => groups.refetch()} />
      <Table<TNamedUnitGroup>
        rowKey="id"
        size="small"
        loading={groups.isPending}
        dataSource={groups.data ?? []}
        pagination={false}
        locale={{ emptyText: t("unitGroups.empty") }}
        columns={[
          { title: t("unitGroups.name"), dataIndex: "name", width: 260 },
          {
            title: t("unitGroups.members"),
            key: "members",
            render: (_, g) => (
              <Typography.Text>
                {t("unitGroups.count", { count: g.members.length })}: {g.members.map((m) => m.name).join("; ")}
              </Typography.Text>
            ),
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 170,
            render: (_, g) =>
              g.canManage && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(g)}>
                    {t("common.edit")}
                  </Button>
                  <Popconfirm
                    title={t("unitGroups.deleteConfirm", { name: g.name })}
                    description={t("unitGroups.deleteHint")}
                    okText={t("common.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onDelete(g)}
                  >
                    <Button type="link" size="small" danger>
                      {t("common.delete")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <UnitGroupModal group={editing} units={units} onClose={() => setEditing(undefined)} />
    </Flex>
  );
}

function UnitGroupModal({
  group,
  units,
  onClose,
}: {
  /** undefined = closed, null = a new group. */
  group: TNamedUnitGroup | null | undefined;
  units: TUnit[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TUnitGroupInput>();
  const save = useSaveUnitGroup();
  const open = group !== undefined;

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue(
      group ? { name: group.name, unitIds: group.members.map((m) => m.id) } : { name: "", unitIds: [] },
    );
  }, [open, group, form, save.reset]);

  const submit = (values: TUnitGroupInput) =>
    save.mutate(
      { ...values, id: group?.id },
      {
        onSuccess: () => {
          void message.success(t("common.saved"));
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={group ? t("unitGroups.editTitle") : t("unitGroups.create")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label={t("unitGroups.name")}
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: t("unitGroups.nameRequired") }]}
        >
          <Input maxLength={200} placeholder="Sở, ban, ngành" autoFocus />
        </Form.Item>
        <Form.Item
          label={t("unitGroups.members")}
          name="unitIds"
          rules={[{ required: true, type: "array", min: 1, message: t("unitGroups.membersRequired") }]}
        >
          <Select
            mode="multiple"
            aria-label={t("unitGroups.members")}
            showSearch={{ optionFilterProp: "label" }}
            options={units.filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
