import { PlusOutlined } from "@ant-design/icons";
import { matchesSearch, type TUnit, type TUnitKind, UNIT_KIND_LABELS, UNIT_KINDS } from "@chiso/core";
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useDeleteUnit } from "../api/delete-unit.ts";
import { useUnits } from "../api/list-units.ts";
import { useSaveUnit } from "../api/save-unit.ts";
import { UnitFormModal } from "./unit-form-modal.tsx";

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits();
  const remove = useDeleteUnit();
  const save = useSaveUnit();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<TUnitKind | undefined>();
  const [editing, setEditing] = useState<TUnit | null | undefined>(undefined);
  const lang = i18n.language === "en" ? "en" : "vi";

  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const rows = useMemo(
    () =>
      (units.data ?? []).filter(
        (u) => (!kind || u.kind === kind) && matchesSearch(`${u.name} ${u.shortName ?? ""}`, query),
      ),
    [units.data, kind, query],
  );

  const onDelete = (unit: TUnit) =>
    remove.mutate(unit.id, {
      onSuccess: () => void message.success(t("units.deleted")),
      onError: (error) => void message.error(errorMessage(error), 8),
    });
  const toggleActive = (unit: TUnit) =>
    save.mutate(
      { id: unit.id, isActive: !unit.isActive },
      { onError: (error) => void message.error(errorMessage(error)) },
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("units.title")}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t("units.createTitle")}
        </Button>
      </Flex>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t("common.search")}
          aria-label={t("common.search")}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t("units.filterKind")}
          aria-label={t("units.filterKind")}
          style={{ width: 220 }}
          value={kind}
          onChange={setKind}
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
        />
      </Space>
      <ErrorAlert error={units.error} onRetry={() => units.refetch()} />
      <Table<TUnit>
        rowKey="id"
        size="small"
        loading={units.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t("units.name"), dataIndex: "name", sorter: (a, b) => a.name.localeCompare(b.name, "vi") },
          { title: t("units.shortName"), dataIndex: "shortName", width: 180 },
          {
            title: t("units.kind"),
            dataIndex: "kind",
            width: 190,
            render: (k: TUnitKind) => UNIT_KIND_LABELS[k][lang],
          },
          {
            title: t("units.parent"),
            dataIndex: "parentId",
            width: 200,
            render: (id: string | null) => (id ? byId.get(id)?.name : null),
          },
          { title: t("units.accounts"), dataIndex: "userCount", width: 100, align: "right" },
          {
            title: t("accounts.status"),
            dataIndex: "isActive",
            width: 150,
            render: (active: boolean) =>
              active ? <Tag color="green">{t("units.active")}</Tag> : <Tag>{t("units.inactive")}</Tag>,
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 260,
            render: (_, unit) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setEditing(unit)}>
                  {t("common.edit")}
                </Button>
                {unit.isActive ? (
                  <Popconfirm
                    title={t("units.deactivateConfirm", { name: unit.name })}
                    description={t("units.deactivateHint")}
                    okText={t("units.deactivate")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => toggleActive(unit)}
                  >
                    <Button type="link" size="small">
                      {t("units.deactivate")}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => toggleActive(unit)}>
                    {t("units.activate")}
                  </Button>
                )}
                <Popconfirm
                  title={t("units.deleteConfirm", { name: unit.name })}
                  description={t("units.deleteHint")}
                  okText={t("common.delete")}
                  cancelText={t("common.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => onDelete(unit)}
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
      <UnitFormModal
        open={editing !== undefined}
        unit={editing ?? null}
        units={units.data ?? []}
        onClose={() => setEditing(undefined)}
      />
    </Flex>
  );
}
