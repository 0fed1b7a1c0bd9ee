import { PlusOutlined } from "@ant-design/icons";
import { can, matchesSearch, type TUnit, type TUnitKind, UNIT_KIND_LABELS, UNIT_KINDS } from "@chiso/core";
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useMe } from "../../auth/api/get-me.ts";
import { useDeleteUnit } from "../api/delete-unit.ts";
import { useUnits } from "../api/list-units.ts";
import { useSaveUnit } from "../api/save-unit.ts";
import { UnitFormModal } from "./unit-form-modal.tsx";
import { UnitGroupsSection } from "./unit-groups-section.tsx";

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
  const me = useMe().data;
  const manages = (u: TUnit) => Boolean(me && can(me, "unit.manage", { unitPath: u.path }));

  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const rows = useMemo(
    () =>
      (units.data ?? []).filter(
        (u) =>
          // The units of the scopes this coordinator runs (the whole tree for the province's).
          Boolean(me && can(me, "account.manage", { unitPath: u.path })) &&
          (!kind || u.kind === kind) &&
          matchesSearch(`${u.name} ${u.shortName ?? ""}`, query),
      ),
    [units.data, kind, query, me],
  );

  // A group's members are the units of the scope this coordinator runs, whatever the table's filter shows.
  const scopeUnits = useMemo(
    () => (units.data ?? []).filter((u) => Boolean(me && can(me, "account.manage", { unitPath: u.path }))),
    [units.data, me],
  );
  const coordinatorGrant = me?.grants.find((g) => g.role === "coordinator");
  const coordinatedScope = coordinatorGrant ? { scopePath: coordinatorGrant.scopePath } : null;

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
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        columns={[
          {
            // the name gets the room; the unit above it reads under it rather than in a column of its own
            title: `${t("units.name")} · ${t("units.parent")}`,
            dataIndex: "name",
            sorter: (a, b) => a.name.localeCompare(b.name, "vi"),
            render: (name: string, unit) => (
              <Flex vertical>
                <span>{name}</span>
                {unit.parentId && <Typography.Text type="secondary">{byId.get(unit.parentId)?.name}</Typography.Text>}
              </Flex>
            ),
          },
          { title: t("units.shortName"), dataIndex: "shortName", width: 160 },
          {
            title: t("units.kind"),
            dataIndex: "kind",
            width: 160,
            render: (k: TUnitKind) => UNIT_KIND_LABELS[k][lang],
          },
          { title: t("units.accounts"), dataIndex: "userCount", width: 100, align: "right" },
          {
            title: t("accounts.status"),
            dataIndex: "isActive",
            width: 130,
            render: (active: boolean) =>
              active ? <Tag color="green">{t("units.active")}</Tag> : <Tag>{t("units.inactive")}</Tag>,
          },
          {
            title: t("common.actions"),
            key: "actions",
            width: 260,
            render: (_, unit) =>
              manages(unit) && (
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
      <UnitGroupsSection
        units={scopeUnits}
        canCreate={Boolean(me && coordinatedScope && can(me, "unitGroup.manage", coordinatedScope))}
      />
    </Flex>
  );
}
