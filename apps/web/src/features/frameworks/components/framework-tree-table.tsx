import { buildTree, formatNumberVi, matchesSearch, type TIndicator, type TTree } from "@chiso/core";
import { Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

type TRow = TTree<TIndicator>;

const MAX_TAGS = 3;

/** Keeps the nodes that match, and the ancestors of those that do, so a search shows where a hit sits. */
function filterTree(nodes: TRow[], query: string): TRow[] {
  if (!query.trim()) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, query);
    const hit = matchesSearch(
      [node.code, node.name, node.lead?.unitName, node.lead?.shortName, ...node.cooperating.map((c) => c.unitName)]
        .filter(Boolean)
        .join(" "),
      query,
    );
    return hit || children.length ? [{ ...node, children: hit && !children.length ? node.children : children }] : [];
  });
}

export function FrameworkTreeTable({ indicators, query }: { indicators: TIndicator[]; query: string }) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildTree(indicators), [indicators]);
  const rows = useMemo(() => filterTree(tree, query), [tree, query]);
  const expanded = useMemo(
    () => indicators.filter((i) => indicators.some((c) => c.parentId === i.id)).map((i) => i.id),
    [indicators],
  );

  const columns: ColumnsType<TRow> = [
    { title: t("frameworks.code"), dataIndex: "code", width: 90 },
    {
      title: t("frameworks.name"),
      dataIndex: "name",
      render: (name: string, row) =>
        row.parentId === null ? <Typography.Text strong>{name}</Typography.Text> : <span>{name}</span>,
    },
    {
      title: t("frameworks.maxScore"),
      dataIndex: "maxScore",
      width: 110,
      align: "right",
      render: (score: number, row) =>
        row.parentId === null ? (
          <Typography.Text strong>{formatNumberVi(score)}</Typography.Text>
        ) : (
          formatNumberVi(score)
        ),
    },
    {
      title: t("frameworks.rule"),
      dataIndex: "rule",
      width: 150,
      render: (rule: TIndicator["rule"]) => (rule ? t(`frameworks.ruleTypes.${rule.type}`) : null),
    },
    {
      title: t("frameworks.lead"),
      key: "lead",
      width: 200,
      render: (_, row) =>
        row.lead ? (
          <Tooltip title={row.leadText ? t("frameworks.asWritten", { text: row.leadText }) : undefined}>
            <span>{row.lead.shortName ?? row.lead.unitName}</span>
          </Tooltip>
        ) : row.children.length ? null : (
          <Typography.Text type="secondary">{row.leadText ?? t("frameworks.unassigned")}</Typography.Text>
        ),
    },
    {
      title: t("frameworks.cooperating"),
      key: "cooperating",
      width: 280,
      render: (_, row) => {
        if (!row.cooperating.length)
          return row.children.length ? null : (
            <Typography.Text type="secondary">{row.cooperatingText || "—"}</Typography.Text>
          );
        const names = row.cooperating.map((c) => c.shortName ?? c.unitName);
        return (
          <Tooltip title={row.cooperatingText ? t("frameworks.asWritten", { text: row.cooperatingText }) : undefined}>
            <span>
              {names.slice(0, MAX_TAGS).map((n) => (
                <Tag key={n}>{n}</Tag>
              ))}
              {names.length > MAX_TAGS && <Tag>+{names.length - MAX_TAGS}</Tag>}
            </span>
          </Tooltip>
        );
      },
    },
  ];

  const total = tree.reduce((sum, n) => sum + n.maxScore, 0);
  return (
    <Table<TRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{ defaultExpandedRowKeys: expanded, childrenColumnName: "children" }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t("common.total")}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Typography.Text strong data-testid="framework-total">
              {formatNumberVi(total)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={3} />
        </Table.Summary.Row>
      )}
    />
  );
}
