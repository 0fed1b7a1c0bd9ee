import {
  aggregateScores,
  buildTree,
  formatNumberVi,
  formatPercentVi,
  leavesOf,
  scoreIndicator,
  type TFrameworkDetail,
  type TIndicator,
  type TIndicatorNode,
  type TIndicatorScore,
  type TInputValue,
  type TTree,
} from "@chiso/core";
import { Button, Card, Col, Collapse, Flex, Row, Statistic, Table, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { IndicatorValueInputs } from "../../../components/indicator-value-inputs.tsx";
import { NumberInput } from "../../../components/number-input.tsx";
import { useLatestValues } from "../api/latest-values.ts";

interface TWhatIf {
  values: Record<string, TInputValue>;
  manualPoints?: number | null;
}

type TState = Record<string, TWhatIf>;

function toNodes(tree: TTree<TIndicator>[]): TIndicatorNode[] {
  return tree.map((n) => ({ code: n.code, maxScore: n.maxScore, children: toNodes(n.children) }));
}

/**
 * Type hypothetical values and watch every indicator's points, each main indicator's value and the total
 * move at once: the same engine that scores real reports, running in the browser.
 */
export function WhatIfSimulator({ framework }: { framework: TFrameworkDetail }) {
  const { t } = useTranslation();
  const tree = useMemo(() => buildTree(framework.indicators), [framework.indicators]);
  const [state, setState] = useState<TState>({});
  const latest = useLatestValues(framework.id);
  const fromReports = useMemo(
    () => Object.fromEntries((latest.data ?? []).map((l) => [l.indicatorId, { values: l.values }])) as TState,
    [latest.data],
  );
  // Start from what the lead agencies last reported, once; the user can clear it or load it again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !latest.data) return;
    started.current = true;
    setState(fromReports);
  }, [latest.data, fromReports]);
  const sourceLabel = [...new Set((latest.data ?? []).map((l) => l.periodLabel))].join(", ");

  const scores = useMemo(() => {
    const result = new Map<string, TIndicatorScore>();
    for (const leaf of leavesOf(tree)) {
      if (!leaf.rule) continue;
      const entry = state[leaf.id];
      result.set(
        leaf.id,
        scoreIndicator({
          code: leaf.code,
          maxScore: leaf.maxScore,
          rule: leaf.rule,
          values: entry?.values ?? null,
          manualPoints: entry?.manualPoints ?? null,
          unitLabel: leaf.unitOfMeasure ?? undefined,
        }),
      );
    }
    return result;
  }, [tree, state]);

  const aggregate = useMemo(
    () =>
      aggregateScores({ indicators: toNodes(tree), scores: [...scores.values()], adjustments: framework.adjustments }),
    [tree, scores, framework.adjustments],
  );

  const update = (id: string, change: (current: TWhatIf) => TWhatIf) =>
    setState((s) => ({ ...s, [id]: change(s[id] ?? { values: {} }) }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">
            {sourceLabel ? t("whatIf.fromReports", { periods: sourceLabel }) : t("whatIf.noReports")}
          </Typography.Text>
          <Button size="small" onClick={() => setState({})}>
            {t("whatIf.clear")}
          </Button>
          {sourceLabel && (
            <Button size="small" onClick={() => setState(fromReports)}>
              {t("whatIf.reload")}
            </Button>
          )}
        </Flex>
      </Col>
      <Col xs={24} lg={15}>
        <Collapse
          defaultActiveKey={tree[0] ? [tree[0].id] : []}
          items={tree.map((main) => ({
            key: main.id,
            label: `${main.code}. ${main.name}`,
            extra: (
              <Typography.Text strong>
                {formatNumberVi(aggregate.nodes.find((n) => n.code === main.code)?.points ?? 0, { decimals: 2 })} /{" "}
                {formatNumberVi(main.maxScore)}
              </Typography.Text>
            ),
            children: (
              <Flex vertical gap={12}>
                {leavesOf(main.children.length ? main.children : [main]).map((leaf) => (
                  <LeafInput
                    key={leaf.id}
                    leaf={leaf}
                    entry={state[leaf.id]}
                    score={scores.get(leaf.id)}
                    onChange={(c) => update(leaf.id, c)}
                  />
                ))}
              </Flex>
            ),
          }))}
        />
      </Col>
      <Col xs={24} lg={9}>
        <Card style={{ position: "sticky", top: 16 }}>
          <Flex gap={24}>
            <Statistic
              title={t("whatIf.total")}
              value={formatNumberVi(aggregate.total, { decimals: 2 })}
              suffix={`/ ${formatNumberVi(aggregate.maxTotal)}`}
            />
            <Statistic title={t("whatIf.index")} value={formatNumberVi(aggregate.index, { decimals: 4 })} />
          </Flex>
          <span data-testid="what-if-total" hidden>
            {aggregate.total}
          </span>
          <Table
            size="small"
            style={{ marginTop: 16 }}
            rowKey="code"
            pagination={false}
            dataSource={aggregate.nodes.map(({ children: _children, ...main }) => main)}
            columns={[
              { title: t("frameworks.code"), dataIndex: "code", width: 60 },
              {
                title: t("whatIf.points"),
                dataIndex: "points",
                align: "right",
                render: (p: number) => formatNumberVi(p, { decimals: 2 }),
              },
              {
                title: t("frameworks.maxScore"),
                dataIndex: "maxScore",
                align: "right",
                render: (m: number) => formatNumberVi(m),
              },
              {
                title: t("whatIf.value"),
                dataIndex: "value",
                align: "right",
                render: (v: number) => formatPercentVi(v, { fromRatio: true, maxDecimals: 1 }),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t("whatIf.hint")}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

interface TLeafProps {
  leaf: TTree<TIndicator>;
  entry: TWhatIf | undefined;
  score: TIndicatorScore | undefined;
  onChange(change: (current: TWhatIf) => TWhatIf): void;
}

function LeafInput({ leaf, entry, score, onChange }: TLeafProps) {
  const { t } = useTranslation();
  const setValue = (key: string, value: TInputValue) =>
    onChange((c) => ({ ...c, values: { ...c.values, [key]: value } }));
  let control: React.ReactNode;
  if (leaf.rule?.type === "manual") {
    control = (
      <NumberInput
        aria-label={`${leaf.code} ${t("whatIf.manualPoints")}`}
        placeholder={t("whatIf.manualPoints")}
        max={leaf.maxScore}
        maxLabel="điểm tối đa"
        value={entry?.manualPoints ?? null}
        onChange={(v) => {
          if (v === null || !Number.isNaN(v)) onChange((c) => ({ ...c, manualPoints: v }));
        }}
      />
    );
  } else if (leaf.rule?.type === "not_scored") {
    control = <Typography.Text type="secondary">{t("frameworks.ruleTypes.not_scored")}</Typography.Text>;
  } else {
    control = <IndicatorValueInputs indicator={leaf} values={entry?.values ?? {}} onChange={setValue} />;
  }
  return (
    <Card
      size="small"
      title={`${leaf.code}. ${leaf.name}`}
      extra={`${formatNumberVi(score?.points ?? 0, { decimals: 2 })} / ${formatNumberVi(leaf.maxScore)}`}
    >
      {control}
      {score && (
        <Typography.Paragraph type={score.status === "invalid" ? "danger" : "secondary"} style={{ margin: "8px 0 0" }}>
          {score.explanation}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
