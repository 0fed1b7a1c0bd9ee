import { compareCodes, formatNumberVi, type TWorkItem } from "@chiso/core";
import { App, Button, Empty, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { errorMessage } from "../../../i18n/index.ts";
import { useOpenReport } from "../api/report.ts";
import { useWorklist } from "../api/worklist.ts";
import { DeadlineText } from "./deadline-text.tsx";
import { ReportStatusTag } from "./report-status-tag.tsx";

/** Việc cần làm: every indicator the unit leads or cooperates on in open periods, soonest deadline first. */
export function WorklistTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const worklist = useWorklist();
  const open = useOpenReport();

  const start = (item: TWorkItem) => {
    if (item.reportId) return navigate(`/reports/${item.reportId}`);
    open.mutate(
      { periodId: item.periodId, indicatorId: item.indicatorId },
      { onSuccess: (report) => navigate(`/reports/${report.id}`), onError: (e) => void message.error(errorMessage(e)) },
    );
  };

  if (worklist.error) return <ErrorAlert error={worklist.error} onRetry={() => worklist.refetch()} />;
  return (
    <Table<TWorkItem>
      rowKey={(i) => `${i.periodId}-${i.indicatorId}`}
      size="small"
      loading={worklist.isPending}
      dataSource={worklist.data}
      pagination={false}
      locale={{ emptyText: <Empty description={t("reports.noWork")} /> }}
      columns={[
        { title: t("reports.period"), dataIndex: "periodLabel", width: 120 },
        {
          title: t("frameworks.code"),
          dataIndex: "indicatorCode",
          width: 70,
          sorter: (a, b) => compareCodes(a.indicatorCode, b.indicatorCode),
        },
        { title: t("frameworks.name"), dataIndex: "indicatorName" },
        {
          title: t("reports.role"),
          dataIndex: "role",
          width: 110,
          render: (role: TWorkItem["role"]) =>
            role === "lead" ? (
              <Tag color="red">{t("reports.roles.lead")}</Tag>
            ) : (
              <Tag>{t("reports.roles.cooperate")}</Tag>
            ),
        },
        {
          title: t("reports.status"),
          key: "status",
          width: 150,
          render: (_, i) => <ReportStatusTag status={i.status} explanationDue={Boolean(i.explanationDueAt)} />,
        },
        {
          title: t("reports.deadline"),
          key: "deadline",
          width: 230,
          defaultSortOrder: "ascend",
          sorter: (a, b) => a.daysLeft - b.daysLeft,
          render: (_, i) => <DeadlineText deadline={i.deadline} daysLeft={i.daysLeft} open={i.open} />,
        },
        {
          title: t("reports.missing"),
          dataIndex: "missing",
          width: 220,
          render: (missing: TWorkItem["missing"]) =>
            missing.map((m) => (
              <Tag key={m} color={m === "evidence" ? "red" : "orange"}>
                {t(`reports.missingKinds.${m}`)}
              </Tag>
            )),
        },
        {
          title: t("reports.selfPoints"),
          key: "points",
          width: 110,
          align: "right",
          render: (_, i) =>
            i.selfPoints === null
              ? "—"
              : `${formatNumberVi(i.selfPoints, { decimals: 2 })}/${formatNumberVi(i.maxScore)}`,
        },
        {
          title: "",
          key: "open",
          width: 120,
          render: (_, i) => (
            <Button
              size="small"
              type={i.reportId ? "default" : "primary"}
              onClick={() => start(i)}
              loading={open.isPending && open.variables?.indicatorId === i.indicatorId}
            >
              {i.reportId ? t("reports.openReport") : t("reports.startReport")}
            </Button>
          ),
        },
      ]}
    />
  );
}
