import type { TPlanImportMapped } from "@chiso/core";
import { Select, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useUnits } from "../../units/api/list-units.ts";

type TName = TPlanImportMapped["units"][number];

interface TProps {
  names: TName[];
  choices: Record<string, string | null>;
  onChoose(name: string, unitId: string | null): void;
}

/**
 * Every unit name of the table with the unit it matched (accents, case and abbreviations aside) or none; the user
 * can pick another unit, or keep the name as text only ("Các phòng chuyên môn", "Viettel").
 */
export function ImportUnits({ names, choices, onChoose }: TProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const options = (units.data ?? []).map((u) => ({
    value: u.id,
    label: u.shortName ? `${u.name} (${u.shortName})` : u.name,
  }));
  const chosenUnit = (n: TName) => (n.name in choices ? choices[n.name] : (n.match?.unitId ?? null));
  return (
    <Table<TName>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={names}
      data-testid="import-units"
      columns={[
        { title: t("plans.importer.unitName"), dataIndex: "name" },
        {
          title: t("plans.importer.unitUse"),
          key: "use",
          width: 150,
          render: (_, n) => `${n.leadCount} / ${n.cooperateCount}`,
        },
        {
          title: t("plans.importer.unitMatch"),
          key: "match",
          width: 380,
          render: (_, n) => (
            <span style={{ display: "flex", gap: 8, alignItems: "center" }}>
              <Tag color={chosenUnit(n) ? "green" : "orange"}>
                {chosenUnit(n) ? t("plans.importer.matched") : t("plans.importer.unmatched")}
              </Tag>
              <Select
                aria-label={t("plans.importer.unitFor", { name: n.name })}
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                style={{ flex: 1 }}
                placeholder={t("plans.importer.keepText")}
                value={chosenUnit(n) ?? undefined}
                options={options}
                onChange={(value?: string) => onChoose(n.name, value ?? null)}
              />
            </span>
          ),
        },
      ]}
    />
  );
}
