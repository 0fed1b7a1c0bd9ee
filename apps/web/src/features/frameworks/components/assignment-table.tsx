import { hasAllCooperating, matchesSearch, type TFrameworkDetail, type TIndicator } from "@chiso/core";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { indicatorAssignmentQuery } from "../api/get-indicator-assignment.ts";
import { useSetAssignment } from "../api/set-assignment.ts";
import { CooperatingUnitsModal } from "./cooperating-units-modal.tsx";

/** Names shown in a row whose list the framework detail cut (the modal lists them all). */
const PREVIEW_TAGS = 3;

/** Accent-insensitive search in the unit pickers ("so tai chinh" finds "Sở Tài chính"). */
const unitFilter = {
  filterOption: (input: string, option?: { label: string }) => matchesSearch(option?.label ?? "", input),
};

/**
 * One row per indicator without children: its lead agency and cooperating agencies, saved on change. The framework
 * detail lists a long cooperating list only in part (`cooperatingCount` says how many): such a row is edited in a
 * modal holding the whole list, and a new lead is saved with the whole list fetched first, so no unit is dropped.
 */
export function AssignmentTable({ framework, editable }: { framework: TFrameworkDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const save = useSetAssignment();
  const [query, setQuery] = useState("");
  const [listOf, setListOf] = useState<TIndicator | null>(null);
  const unitOptions = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => u.isActive)
        .map((u) => ({ value: u.id, label: u.shortName ? `${u.name} (${u.shortName})` : u.name })),
    [units.data],
  );
  const leaves = useMemo(
    () =>
      framework.indicators.filter(
        (i) =>
          !framework.indicators.some((c) => c.parentId === i.id) &&
          matchesSearch(
            `${i.code} ${i.name} ${i.lead?.unitName ?? ""} ${i.cooperating.map((c) => c.unitName).join(" ")}`,
            query,
          ),
      ),
    [framework.indicators, query],
  );

  const update = (indicator: TIndicator, leadUnitId: string | null, cooperatingUnitIds: string[]) =>
    save.mutateAsync(
      { indicatorId: indicator.id, leadUnitId, cooperatingUnitIds },
      {
        onSuccess: () => void message.success(t("assignment.saved", { code: indicator.code })),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  /** A new lead keeps the cooperating units: all of them, fetched first when the detail lists only some. */
  const changeLead = async (indicator: TIndicator, leadUnitId: string | null) => {
    let cooperating = indicator.cooperating.map((c) => c.unitId);
    if (!hasAllCooperating(indicator)) {
      try {
        const full = await queryClient.fetchQuery(indicatorAssignmentQuery(framework.id, indicator.id));
        cooperating = full.cooperating.map((c) => c.unitId);
      } catch (e) {
        void message.error(errorMessage(e));
        return;
      }
    }
    await update(indicator, leadUnitId, cooperating).catch(() => undefined);
  };

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t("common.search")}
        aria-label={t("common.search")}
        style={{ maxWidth: 400, marginBottom: 12 }}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Table<TIndicator>
        rowKey="id"
        size="small"
        dataSource={leaves}
        pagination={false}
        loading={units.isPending}
        columns={[
          { title: t("frameworks.code"), dataIndex: "code", width: 70 },
          {
            title: t("frameworks.name"),
            dataIndex: "name",
            render: (name: string, row) => (
              <>
                {name}
                {(row.leadText || row.cooperatingText) && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                    {t("frameworks.asWritten", {
                      text: [row.leadText, row.cooperatingText].filter(Boolean).join(" — "),
                    })}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: t("frameworks.lead"),
            key: "lead",
            width: 260,
            render: (_, row) => (
              <Select
                aria-label={`${t("frameworks.lead")} ${row.code}`}
                allowClear
                showSearch={unitFilter}
                disabled={!editable}
                style={{ width: "100%" }}
                placeholder={t("frameworks.unassigned")}
                value={row.lead?.unitId}
                options={unitOptions}
                onChange={(id) => void changeLead(row, id ?? null)}
              />
            ),
          },
          {
            title: t("frameworks.cooperating"),
            key: "cooperating",
            width: 420,
            render: (_, row) =>
              hasAllCooperating(row) ? (
                <Select
                  aria-label={`${t("frameworks.cooperating")} ${row.code}`}
                  mode="multiple"
                  maxTagCount="responsive"
                  showSearch={unitFilter}
                  disabled={!editable}
                  style={{ width: "100%" }}
                  value={row.cooperating.map((c) => c.unitId)}
                  options={unitOptions}
                  onChange={(ids) => void update(row, row.lead?.unitId ?? null, ids).catch(() => undefined)}
                />
              ) : (
                <Space orientation="vertical" size={4}>
                  <span>
                    {row.cooperating.slice(0, PREVIEW_TAGS).map((c) => (
                      <Tag key={c.unitId}>{c.shortName ?? c.unitName}</Tag>
                    ))}
                    <Typography.Text type="secondary">
                      {t("frameworks.moreUnits", { count: row.cooperatingCount - PREVIEW_TAGS })}
                    </Typography.Text>
                  </span>
                  <Button size="small" onClick={() => setListOf(row)}>
                    {t(editable ? "assignment.editList" : "assignment.viewList", { count: row.cooperatingCount })}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {listOf && (
        <CooperatingUnitsModal
          frameworkId={framework.id}
          indicator={listOf}
          units={units.data ?? []}
          editable={editable}
          saving={save.isPending}
          onSave={(ids) => update(listOf, listOf.lead?.unitId ?? null, ids)}
          onClose={() => setListOf(null)}
        />
      )}
    </>
  );
}
