import { formatDateTimeVi, formatNumberVi, type TCooperatingRow, type TReportDetail } from "@chiso/core";
import { App, Button, Card, Descriptions, Empty, Flex, Input, InputNumber, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../../i18n/index.ts";
import { useConsolidate } from "../api/report.ts";
import { ReportStatusTag } from "./report-status-tag.tsx";

const show = (v: unknown, t: (key: string) => string) =>
  typeof v === "number"
    ? formatNumberVi(v)
    : typeof v === "boolean"
      ? v
        ? t("common.yes")
        : t("common.no")
      : v
        ? String(v)
        : "—";

const PAGE_SIZE = 50;

/**
 * For the lead agency: every cooperating unit's figures on the same indicator and period side by side, the sums the
 * framework's rules propose, and accepting them (or changing them, with a reason) into the lead's own report.
 */
export function ConsolidationPanel({ report }: { report: TReportDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const view = report.consolidation;
  const consolidate = useConsolidate();
  const [chosen, setChosen] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState("");
  if (!view) return null;
  const inputs = report.indicator.inputs.length
    ? report.indicator.inputs
    : [{ key: "value", label: t("values.value") }];
  const summed = Object.keys(view.proposed);
  const shownValue = (key: string) => (key in chosen ? chosen[key]! : view.proposed[key]!);
  const changed = summed.filter((key) => key in chosen && chosen[key] !== view.proposed[key]);

  const submit = () =>
    consolidate.mutate(
      { id: report.id, values: chosen, reason: reason || undefined, version: report.version },
      {
        onSuccess: () => {
          setChosen({});
          setReason("");
          void message.success(t("reports.consolidated"));
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );

  return (
    <Card title={t("reports.consolidation")}>
      <Table<TCooperatingRow>
        rowKey="unitId"
        size="small"
        dataSource={view.rows}
        // a province indicator can have hundreds of cooperating units; the sums below stay on every page
        pagination={view.rows.length > PAGE_SIZE && { pageSize: PAGE_SIZE, showSizeChanger: false }}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t("reports.noCooperating")} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          {
            title: t("reports.unit"),
            dataIndex: "unitName",
            render: (name: string, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{name}</Link> : name),
          },
          {
            title: t("reports.status"),
            key: "status",
            width: 150,
            render: (_, r) =>
              r.status ? (
                <ReportStatusTag status={r.status} explanationDue={false} />
              ) : (
                <Tag>{t("reports.notOpened")}</Tag>
              ),
          },
          ...inputs.map((input) => ({
            title: input.label,
            key: input.key,
            align: "right" as const,
            render: (_: unknown, r: TCooperatingRow) => (
              <Typography.Text type={r.counted ? undefined : "secondary"}>
                {show(r.values[input.key], t)}
              </Typography.Text>
            ),
          })),
          {
            title: t("reports.evidence"),
            key: "evidence",
            width: 140,
            render: (_, r) => {
              if (!r.reportId) return "—";
              return report.indicator.evidenceRequired && r.evidenceCount === 0 ? (
                <Tag color="red">{t("reports.missingKinds.evidence")}</Tag>
              ) : (
                <Tag>{t("reports.documents", { count: r.evidenceCount })}</Tag>
              );
            },
          },
        ]}
        summary={() =>
          summed.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t("reports.proposedSum")}</strong>
              </Table.Summary.Cell>
              {inputs.map((input, i) => (
                <Table.Summary.Cell index={i + 2} key={input.key} align="right">
                  <strong>{input.key in view.proposed ? show(view.proposed[input.key], t) : "—"}</strong>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={inputs.length + 2} />
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("reports.consolidationHint")}
      </Typography.Paragraph>
      {summed.length > 0 && report.editable && (
        <Flex vertical gap={8}>
          <Space wrap>
            {summed.map((key) => (
              <Space key={key}>
                <span>{inputs.find((i) => i.key === key)?.label ?? key}</span>
                <InputNumber
                  aria-label={inputs.find((i) => i.key === key)?.label ?? key}
                  min={0}
                  value={shownValue(key)}
                  decimalSeparator=","
                  onChange={(v) => setChosen((c) => ({ ...c, [key]: v === null ? null : Number(v) }))}
                />
              </Space>
            ))}
          </Space>
          {changed.length > 0 && (
            <Input.TextArea
              aria-label={t("reports.overrideReason")}
              placeholder={t("reports.overrideReason")}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 2 }}
            />
          )}
          <div>
            <Button type="primary" loading={consolidate.isPending} onClick={submit}>
              {changed.length ? t("reports.overrideConsolidation") : t("reports.acceptConsolidation")}
            </Button>
          </div>
        </Flex>
      )}
      {view.record && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} title={t("reports.consolidationKept")}>
          <Descriptions.Item label={t("reports.consolidatedAt")}>
            {formatDateTimeVi(view.record.at)} · {view.record.byName ?? "—"}
          </Descriptions.Item>
          <Descriptions.Item label={t("reports.consolidatedValues")}>
            {Object.entries(view.record.values)
              .map(([key, v]) => `${inputs.find((i) => i.key === key)?.label ?? key}: ${show(v, t)}`)
              .join(" · ")}
          </Descriptions.Item>
          {view.record.reason && (
            <Descriptions.Item label={t("reports.overrideReason")}>{view.record.reason}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
