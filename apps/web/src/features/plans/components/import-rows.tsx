import type { TPlanImportMapped } from "@chiso/core";
import { formatNumberVi } from "@chiso/core";
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { TimeframeText } from "./timeframe-text.tsx";

type TRow = TPlanImportMapped["rows"][number];

const KIND_COLOR = { task: "blue", section: "purple", skipped: "default" } as const;

/** Every row of the file's table as it would be saved: kind, numbering, fields, suggested indicators, warnings. */
export function ImportRows({ rows }: { rows: TRow[] }) {
  const { t } = useTranslation();
  const has = (pick: (r: TRow) => unknown) => rows.some((r) => pick(r) !== null && pick(r) !== undefined);
  const columns: ColumnsType<TRow> = [
    { title: "#", key: "at", width: 60, render: (_, r) => `${r.table}.${r.row}` },
    {
      title: t("plans.importer.kind"),
      key: "kind",
      width: 130,
      render: (_, r) => (
        <Tag color={KIND_COLOR[r.kind]}>
          {r.skip ? t(`plans.importer.skips.${r.skip}`) : t(`plans.importer.kinds.${r.kind}`)}
        </Tag>
      ),
    },
    { title: t("plans.number"), dataIndex: "number", width: 60 },
    {
      title: t("plans.content"),
      key: "content",
      render: (_, r) => (
        <span
          style={{
            paddingLeft: r.depth * 8,
            fontWeight: r.kind === "section" ? 600 : undefined,
            color: r.kind === "skipped" ? "#999" : undefined,
          }}
        >
          {r.content}
        </span>
      ),
    },
    { title: t("plans.lead"), dataIndex: "leadText", width: 140 },
    { title: t("plans.cooperating"), dataIndex: "cooperatingText", width: 150 },
    { title: t("plans.output"), dataIndex: "outputText", width: 150 },
    {
      title: t("plans.timeframe"),
      key: "timeframe",
      width: 140,
      render: (_, r) => r.kind === "task" && <TimeframeText text={r.timeframeText} parsed={r.timeframe} />,
    },
    ...(has((r) => r.directingLeader) ? [{ title: t("plans.leader"), dataIndex: "directingLeader", width: 140 }] : []),
    ...(has((r) => r.budgetAmount)
      ? [
          {
            title: t("plans.budgetAmount"),
            dataIndex: "budgetAmount",
            width: 110,
            render: (v: number | null) => formatNumberVi(v),
          },
        ]
      : []),
    {
      title: t("plans.importer.indicatorsSuggested"),
      key: "indicators",
      width: 90,
      render: (_, r) =>
        r.indicators.map((i) => (
          <Tag key={i.id} title={i.name}>
            {i.code}
          </Tag>
        )),
    },
    {
      title: t("plans.importer.warnings"),
      key: "warnings",
      width: 220,
      render: (_, r) => (
        <>
          {r.warnings.map((w) => (
            <Typography.Text key={w} type="warning" style={{ display: "block", fontSize: 12 }}>
              {w}
            </Typography.Text>
          ))}
          {r.notes.map((n) => (
            <Typography.Text key={n} type="secondary" style={{ display: "block", fontSize: 12 }}>
              {n}
            </Typography.Text>
          ))}
        </>
      ),
    },
  ];
  return (
    <Table<TRow>
      rowKey="index"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1400, y: 420 }}
      data-testid="import-rows"
    />
  );
}
