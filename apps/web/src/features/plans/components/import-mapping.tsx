import { TASK_FIELD_LABELS, TASK_FIELDS, type TImportTable, type TTaskField } from "@chiso/core";
import { Flex, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";

const IGNORE = "__ignore";

/** One select per column of the file: what the column holds, as detected from its header, changeable. */
export function ImportMapping({
  table,
  onChange,
}: {
  table: TImportTable;
  onChange(column: number, field: TTaskField | null): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const options = [
    { value: IGNORE, label: t("plans.importer.ignore") },
    ...TASK_FIELDS.map((field) => ({ value: field, label: TASK_FIELD_LABELS[field][lang] })),
  ];
  return (
    <div>
      <Typography.Text strong>{t("plans.importer.mapping")}</Typography.Text>
      <Flex wrap gap={12} style={{ marginTop: 8 }} data-testid="import-mapping">
        {table.header.map((name, column) => {
          const label = t("plans.importer.column", { name: name || column + 1 });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file; columns never reorder
            <Flex vertical key={`${column}-${name}`} style={{ width: 190 }}>
              <Typography.Text type="secondary" ellipsis={{ tooltip: name }} style={{ fontSize: 12 }}>
                {name || `#${column + 1}`}
              </Typography.Text>
              <Select
                aria-label={label}
                value={table.mapping[column] ?? IGNORE}
                options={options}
                onChange={(value: string) => onChange(column, value === IGNORE ? null : (value as TTaskField))}
              />
            </Flex>
          );
        })}
      </Flex>
    </div>
  );
}
