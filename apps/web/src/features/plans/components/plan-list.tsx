import { formatDateVi, type TPlanSummary } from "@chiso/core";
import { Empty, Progress, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { usePlans } from "../api/list-plans.ts";

export function yearsText(
  plan: Pick<TPlanSummary, "startYear" | "endYear">,
  onwards: (year: number) => string,
): string {
  if (!plan.startYear) return "—";
  if (plan.endYear === null) return onwards(plan.startYear);
  return plan.endYear === plan.startYear ? String(plan.startYear) : `${plan.startYear} – ${plan.endYear}`;
}

/** Every plan, the plan it carries out, and how far along it is. */
export function PlanList() {
  const { t } = useTranslation();
  const plans = usePlans();
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => plans.refetch()} />;
  return (
    <Table<TPlanSummary>
      rowKey="id"
      size="small"
      loading={plans.isPending}
      dataSource={plans.data}
      pagination={false}
      locale={{ emptyText: <Empty description={t("plans.none")} /> }}
      columns={[
        {
          title: t("plans.code"),
          dataIndex: "code",
          width: 150,
          render: (code: string, plan) => <Link to={`/plans/${plan.id}`}>{code}</Link>,
        },
        {
          title: t("plans.title"),
          key: "title",
          render: (_, plan) => (
            <div>
              {plan.title}
              {plan.parent && (
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {t("plans.parent")}: <Link to={`/plans/${plan.parent.id}`}>{plan.parent.code}</Link>
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: t("plans.issuer"),
          key: "issuer",
          width: 180,
          render: (_, p) => p.issuer?.name ?? p.issuerText ?? "—",
        },
        {
          title: t("plans.issuedOn"),
          dataIndex: "issuedOn",
          width: 110,
          render: (d: string | null) => formatDateVi(d),
        },
        {
          title: t("plans.years"),
          key: "years",
          width: 170,
          render: (_, p) => yearsText(p, (year) => t("plans.onwards", { year })),
        },
        { title: t("plans.tasksCount"), key: "tasks", width: 90, align: "right", render: (_, p) => p.progress.total },
        {
          title: t("plans.overdueCount"),
          key: "overdue",
          width: 90,
          align: "right",
          render: (_, p) => (p.progress.overdue > 0 ? <Tag color="red">{p.progress.overdue}</Tag> : 0),
        },
        {
          title: t("plans.progress"),
          key: "progress",
          width: 170,
          render: (_, p) => <Progress percent={Math.round(p.progress.percent)} size="small" />,
        },
      ]}
    />
  );
}
