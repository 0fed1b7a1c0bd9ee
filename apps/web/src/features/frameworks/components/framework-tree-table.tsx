import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import {
  buildTree,
  formatNumberVi,
  matchesSearch,
  type TFrameworkIssue,
  type TIndicator,
  type TTree,
} from "@chiso/core";
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** antd shows an expand button for any `children` array, even empty: leaves get no `subRows` at all. */
type TRow = TTree<TIndicator> & { subRows?: TRow[] };

function toRows(nodes: TTree<TIndicator>[]): TRow[] {
  return nodes.map((n) => (n.children.length ? { ...n, subRows: toRows(n.children) } : n));
}

const MAX_TAGS = 3;

/** Keeps the nodes that match, and the ancestors of those that do, so a search shows where a hit sits. */
function filterTree(nodes: TTree<TIndicator>[], query: string): TTree<TIndicator>[] {
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

/** What the coordinator can do to a row while the framework is a draft. */
export interface TTreeEditor {
  issues: TFrameworkIssue[];
  onAdd(parent: TIndicator | null): void;
  onEdit(indicator: TIndicator, isBranch: boolean): void;
  onDelete(indicator: TIndicator): void;
  onMove(indicator: TIndicator, direction: -1 | 1): void;
}

interface TProps {
  indicators: TIndicator[];
  query: string;
  editor?: TTreeEditor;
}

export function FrameworkTreeTable({ indicators, query, editor }: TProps) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildTree(indicators), [indicators]);
  const rows = useMemo(() => toRows(filterTree(tree, query)), [tree, query]);
  const expanded = useMemo(
    () => indicators.filter((i) => indicators.some((c) => c.parentId === i.id)).map((i) => i.id),
    [indicators],
  );

  const columns: ColumnsType<TRow> = [
    {
      title: t("frameworks.code"),
      dataIndex: "code",
      width: 100,
      render: (code: string) => {
        const problems = editor?.issues.filter((i) => i.code === code) ?? [];
        return problems.length ? (
          <Tooltip title={problems.map((p) => p.message).join(" · ")}>
            <Typography.Text type="danger">
              <WarningOutlined /> {code}
            </Typography.Text>
          </Tooltip>
        ) : (
          code
        );
      },
    },
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
              {/* The count, not the list: the detail lists only the first cooperating units of a long list. */}
              {row.cooperatingCount > MAX_TAGS && (
                <Tag>{t("frameworks.moreUnits", { count: row.cooperatingCount - MAX_TAGS })}</Tag>
              )}
            </span>
          </Tooltip>
        );
      },
    },
  ];

  if (editor) columns.push(actionsColumn(editor, t));

  const total = tree.reduce((sum, n) => sum + n.maxScore, 0);
  return (
    <Table<TRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{ defaultExpandedRowKeys: expanded, childrenColumnName: "subRows" }}
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
          <Table.Summary.Cell index={3} colSpan={columns.length - 3} />
        </Table.Summary.Row>
      )}
    />
  );
}

function actionsColumn(editor: TTreeEditor, t: TFunction): ColumnsType<TRow>[number] {
  return {
    title: t("common.actions"),
    key: "actions",
    width: 190,
    render: (_, row) => (
      <Space size={0}>
        <Tooltip title={t("editor.moveUp")}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={`${t("editor.moveUp")} ${row.code}`}
            onClick={() => editor.onMove(row, -1)}
          />
        </Tooltip>
        <Tooltip title={t("editor.moveDown")}>
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={`${t("editor.moveDown")} ${row.code}`}
            onClick={() => editor.onMove(row, 1)}
          />
        </Tooltip>
        <Tooltip title={t("editor.addChild")}>
          <Button
            type="text"
            size="small"
            icon={<PlusOutlined />}
            aria-label={`${t("editor.addChild")} ${row.code}`}
            onClick={() => editor.onAdd(row)}
          />
        </Tooltip>
        <Tooltip title={t("common.edit")}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={`${t("common.edit")} ${row.code}`}
            onClick={() => editor.onEdit(row, row.children.length > 0)}
          />
        </Tooltip>
        <Popconfirm
          title={t("editor.deleteConfirm", { code: row.code })}
          description={row.children.length ? t("editor.deleteChildren", { count: row.children.length }) : undefined}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() => editor.onDelete(row)}
        >
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t("common.delete")} ${row.code}`}
          />
        </Popconfirm>
      </Space>
    ),
  };
}
