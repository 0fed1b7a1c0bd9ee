import { compareCodes, formatNumberVi, type TWorkItem } from "@chiso/core";
import { App, Button, Card, Empty, Flex, List, Skeleton, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { usePhone } from "../../../lib/use-phone.ts";
import { useOpenReport } from "../api/report.ts";
import { useWorklist } from "../api/worklist.ts";
import { DeadlineText } from "./deadline-text.tsx";
import { ReportStatusTag } from "./report-status-tag.tsx";

const byDeadline = (a: TWorkItem, b: TWorkItem) =>
  a.daysLeft - b.daysLeft || compareCodes(a.indicatorCode, b.indicatorCode);

/**
 * Việc cần làm: every indicator the unit leads or cooperates on in open periods, soonest deadline first. The
 * indicator's name gets the room (names run to two lines, not fourteen) and the action stays in view: pinned to the
 * right of the table, or at the foot of each card on a phone.
 */
export function WorklistTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const worklist = useWorklist();
  const open = useOpenReport();
  const phone = usePhone();

  const start = (item: TWorkItem) => {
    if (item.reportId) return navigate(`/reports/${item.reportId}`);
    open.mutate(
      { periodId: item.periodId, indicatorId: item.indicatorId },
      { onSuccess: (report) => navigate(`/reports/${report.id}`), onError: (e) => void message.error(errorMessage(e)) },
    );
  };
  const action = (i: TWorkItem, block = false) => (
    <Button
      size={block ? "middle" : "small"}
      block={block}
      type={i.reportId ? "default" : "primary"}
      onClick={() => start(i)}
      loading={open.isPending && open.variables?.indicatorId === i.indicatorId}
    >
      {i.reportId ? t("reports.openReport") : t("reports.startReport")}
    </Button>
  );
  const role = (i: TWorkItem) =>
    i.role === "lead" ? <Tag color="red">{t("reports.roles.lead")}</Tag> : <Tag>{t("reports.roles.cooperate")}</Tag>;
  const missing = (i: TWorkItem) =>
    i.missing.map((m) => (
      <Tag key={m} color={m === "evidence" ? "red" : "orange"}>
        {t(`reports.missingKinds.${m}`)}
      </Tag>
    ));
  const points = (i: TWorkItem) =>
    i.selfPoints === null ? "—" : `${formatNumberVi(i.selfPoints, { decimals: 2 })}/${formatNumberVi(i.maxScore)}`;

  if (worklist.error) return <ErrorAlert error={worklist.error} onRetry={() => worklist.refetch()} />;
  const empty = <Empty description={t("reports.noWork")} />;

  if (phone) {
    if (worklist.isPending) return <Skeleton active />;
    const items = [...(worklist.data ?? [])].sort(byDeadline);
    return (
      <List
        dataSource={items}
        locale={{ emptyText: empty }}
        split={false}
        renderItem={(i) => (
          <List.Item style={{ padding: "0 0 12px" }}>
            <Card size="small" style={{ width: "100%" }} data-testid="work-card">
              <Flex vertical gap={6}>
                <Typography.Text strong>
                  {i.indicatorCode}. {i.indicatorName}
                </Typography.Text>
                <Space size={4} wrap>
                  <Tag>{i.periodLabel}</Tag>
                  {role(i)}
                  <ReportStatusTag status={i.status} explanationDue={Boolean(i.explanationDueAt)} />
                </Space>
                <DeadlineText deadline={i.deadline} daysLeft={i.daysLeft} open={i.open} />
                {i.missing.length > 0 && (
                  <Space size={4} wrap>
                    {missing(i)}
                  </Space>
                )}
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text type="secondary">
                    {t("reports.selfPoints")}: {points(i)}
                  </Typography.Text>
                </Flex>
                {action(i, true)}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  return (
    <Table<TWorkItem>
      rowKey={(i) => `${i.periodId}-${i.indicatorId}`}
      size="small"
      loading={worklist.isPending}
      dataSource={worklist.data}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 960 }}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t("frameworks.name"),
          key: "indicator",
          sorter: (a, b) => compareCodes(a.indicatorCode, b.indicatorCode),
          render: (_, i) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {i.indicatorCode}. {i.indicatorName}
              </Typography.Text>
              <Space size={4} wrap>
                <Typography.Text type="secondary">{i.periodLabel}</Typography.Text>
                {role(i)}
              </Space>
            </Flex>
          ),
        },
        {
          title: t("reports.deadline"),
          key: "deadline",
          width: 170,
          defaultSortOrder: "ascend",
          sorter: byDeadline,
          render: (_, i) => <DeadlineText deadline={i.deadline} daysLeft={i.daysLeft} open={i.open} />,
        },
        {
          title: `${t("reports.status")} · ${t("reports.missing")}`,
          key: "status",
          width: 210,
          render: (_, i) => (
            <Space size={4} wrap>
              <ReportStatusTag status={i.status} explanationDue={Boolean(i.explanationDueAt)} />
              {missing(i)}
            </Space>
          ),
        },
        { title: t("reports.selfPoints"), key: "points", width: 100, align: "right", render: (_, i) => points(i) },
        { title: "", key: "open", width: 120, fixed: "right", render: (_, i) => action(i) },
      ]}
    />
  );
}
