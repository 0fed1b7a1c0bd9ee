import {
  compareCodes,
  formatNumberVi,
  LOSS_REASON_LABELS,
  type TDashboard,
  type TDashboardIndicator,
} from "@chiso/core";
import { Card, Flex, List, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePhone } from "../../../lib/use-phone.ts";

const REASON_COLORS = {
  not_reported: "red",
  missing_evidence: "volcano",
  returned: "orange",
  awaiting_appraisal: "blue",
  appraisal_cut: "purple",
  below_target: "gold",
} as const;

/** Điểm bị mất: indicators ranked by points lost, with the reason, the lead unit and what can be won back. */
export function PointLossTable({ dashboard, limit }: { dashboard: TDashboard; limit?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const rows = dashboard.indicators
    .filter((i) => i.isLeaf && i.pointsLost > 0)
    .sort((a, b) => b.pointsLost - a.pointsLost || compareCodes(a.code, b.code))
    .slice(0, limit);
  const phone = usePhone();
  const name = (r: TDashboardIndicator) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{r.name}</Link> : r.name);
  if (phone) {
    return (
      <List
        data-testid="point-loss"
        dataSource={rows}
        split={false}
        pagination={limit || rows.length <= 20 ? false : { pageSize: 20, simple: true }}
        renderItem={(r) => (
          <List.Item style={{ padding: "0 0 8px" }}>
            <Card size="small" style={{ width: "100%" }}>
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {r.code}. {name(r)}
                </Typography.Text>
                <Flex wrap gap={8} align="center">
                  <Typography.Text type="danger" strong>
                    −{formatNumberVi(r.pointsLost, { decimals: 2 })}
                  </Typography.Text>
                  {r.reason && <Tag color={REASON_COLORS[r.reason]}>{LOSS_REASON_LABELS[r.reason][lang]}</Tag>}
                  {r.recoverable > 0 && (
                    <Typography.Text type="secondary">
                      {t("dashboard.recoverable")}: +{formatNumberVi(r.recoverable, { decimals: 2 })}
                    </Typography.Text>
                  )}
                </Flex>
                {r.leadUnit && <Typography.Text type="secondary">{r.leadUnit}</Typography.Text>}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<TDashboardIndicator>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={limit ? false : { pageSize: 20, hideOnSinglePage: true }}
      data-testid="point-loss"
      columns={[
        { title: t("frameworks.code"), dataIndex: "code", width: 60 },
        {
          title: t("frameworks.name"),
          dataIndex: "name",
          minWidth: 220,
          render: (_: string, r) => name(r),
        },
        {
          title: t("dashboard.pointsLost"),
          dataIndex: "pointsLost",
          width: limit ? 90 : 120,
          align: "right",
          render: (v: number, r) => (
            <Typography.Text type="danger" strong style={{ whiteSpace: "nowrap" }}>
              −{formatNumberVi(v, { decimals: 2 })}
              {!limit && <Typography.Text type="secondary"> /{formatNumberVi(r.maxScore)}</Typography.Text>}
            </Typography.Text>
          ),
        },
        {
          title: t("dashboard.reason"),
          dataIndex: "reason",
          width: limit ? 150 : 210,
          render: (reason: TDashboardIndicator["reason"]) =>
            reason ? <Tag color={REASON_COLORS[reason]}>{LOSS_REASON_LABELS[reason][lang]}</Tag> : null,
        },
        ...(limit ? [] : [{ title: t("frameworks.lead"), dataIndex: "leadUnit", width: 190 }]),
        {
          title: t("dashboard.recoverable"),
          dataIndex: "recoverable",
          width: limit ? 90 : 120,
          align: "right",
          render: (v: number) => (v > 0 ? `+${formatNumberVi(v, { decimals: 2 })}` : "—"),
        },
      ]}
    />
  );
}
