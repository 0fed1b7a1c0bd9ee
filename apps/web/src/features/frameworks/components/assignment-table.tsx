import { matchesSearch, type TFrameworkDetail, type TIndicator } from "@chiso/core";
import { App, Input, Select, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../i18n/index.ts";
import { useUnits } from "../../units/api/list-units.ts";
import { useSetAssignment } from "../api/set-assignment.ts";

/** One row per indicator without children: its lead agency and cooperating agencies, saved on change. */
export function AssignmentTable({ framework, editable }: { framework: TFrameworkDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits();
  const save = useSetAssignment();
  const [query, setQuery] = useState("");
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
    save.mutate(
      { indicatorId: indicator.id, leadUnitId, cooperatingUnitIds },
      {
        onSuccess: () => void message.success(t("assignment.saved", { code: indicator.code })),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

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
                showSearch={{ optionFilterProp: "label" }}
                disabled={!editable}
                style={{ width: "100%" }}
                placeholder={t("frameworks.unassigned")}
                value={row.lead?.unitId}
                options={unitOptions}
                onChange={(id) =>
                  update(
                    row,
                    id ?? null,
                    row.cooperating.map((c) => c.unitId),
                  )
                }
              />
            ),
          },
          {
            title: t("frameworks.cooperating"),
            key: "cooperating",
            width: 420,
            render: (_, row) => (
              <Select
                aria-label={`${t("frameworks.cooperating")} ${row.code}`}
                mode="multiple"
                maxTagCount="responsive"
                showSearch={{ optionFilterProp: "label" }}
                disabled={!editable}
                style={{ width: "100%" }}
                value={row.cooperating.map((c) => c.unitId)}
                options={unitOptions}
                onChange={(ids) => update(row, row.lead?.unitId ?? null, ids)}
              />
            ),
          },
        ]}
      />
    </>
  );
}
