import { canSomewhere, homePage, type TDashboard, type TMe, type TWorkItem } from "@chiso/core";
import { Card, Col, Flex, List, Row, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useMe } from "../../auth/api/get-me.ts";
import { useCompleteness } from "../../completeness/api/get-completeness.ts";
import { useWorklist } from "../../reports/api/worklist.ts";
import { ReviewTable } from "../../reports/components/review-table.tsx";
import { WorklistTable } from "../../reports/components/worklist-table.tsx";

// Leaders and coordinators start on the dashboard; reporters never load its code unless they open it.
const DashboardPage = lazy(async () => ({
  default: (await import("../../dashboard/components/dashboard-page.tsx")).DashboardPage,
}));

/**
 * The page at "/": what this user came to do, as the policy module decides from their grants (core homePage) —
 * a reporter's to-do list, a reviewer's queue, a coordinator's dashboard with who is late, a leader's score.
 */
export function HomePage() {
  const me = useMe().data;
  if (!me) return null;
  switch (homePage(me)) {
    case "work":
      return <WorkHome me={me} />;
    case "review":
      return <ReviewHome me={me} />;
    case "coordination":
      return (
        <Suspense fallback={<Skeleton active />}>
          <DashboardPage extra={(d) => <BehindUnits dashboard={d} />} />
        </Suspense>
      );
    case "score":
      return (
        <Suspense fallback={<Skeleton active />}>
          <DashboardPage />
        </Suspense>
      );
  }
}

function Greeting({ me, title }: { me: TMe; title: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t("overview.greeting", { name: me.fullName })} · {t("overview.unit", { unit: me.unitName })}
      </Typography.Text>
    </Flex>
  );
}

const DUE_SOON_DAYS = 7;

function WorkSummary({ items }: { items: TWorkItem[] }) {
  const { t } = useTranslation();
  const dueSoon = items.filter((i) => !i.open || i.daysLeft < DUE_SOON_DAYS).length;
  const noEvidence = items.filter((i) => i.missing.includes("evidence")).length;
  const notStarted = items.filter((i) => !i.reportId).length;
  const cards = [
    { title: t("home.work.tasks"), value: items.length, danger: false },
    { title: t("home.work.dueSoon"), value: dueSoon, danger: dueSoon > 0 },
    { title: t("home.work.missingEvidence"), value: noEvidence, danger: noEvidence > 0 },
    { title: t("home.work.notStarted"), value: notStarted, danger: false },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="work-summary">
      {cards.map((c) => (
        <Col key={c.title} xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              styles={c.danger ? { content: { color: "#cf1322" } } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A reporter's day: what is due, how many days are left, what is still missing — and the button to do it. */
function WorkHome({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const worklist = useWorklist();
  return (
    <Flex vertical gap={16}>
      <Greeting me={me} title={t("home.work.title")} />
      {worklist.data && <WorkSummary items={worklist.data} />}
      <WorklistTable />
      <Link to="/dashboard">{t("home.province")}</Link>
    </Flex>
  );
}

/**
 * A lead agency's leader or a council member: the reports waiting at their step of the review ladder (core
 * workflow: a cooperating unit's report is accepted by the lead agency once sent; the council appraises what the
 * coordinator verified), then their own unit's to-do list when they also report.
 */
function ReviewHome({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const leads = canSomewhere(me, "report.review");
  const reports = canSomewhere(me, "report.actFor");
  return (
    <Flex vertical gap={16}>
      <Greeting me={me} title={t("home.review.title")} />
      <Typography.Text>{leads ? t("home.review.leadHint") : t("home.review.appraiseHint")}</Typography.Text>
      <ReviewTable initialStatus={leads ? "submitted" : "verified"} />
      {reports && (
        <Card title={t("home.review.ownWork")} size="small">
          <WorklistTable />
        </Card>
      )}
      <Link to="/dashboard">{t("home.province")}</Link>
    </Flex>
  );
}

const BEHIND_SHOWN = 8;

/** The coordinator's "who is late": the units furthest behind in the dashboard's period, worst first. */
function BehindUnits({ dashboard }: { dashboard: TDashboard }) {
  const { t } = useTranslation();
  const periodId = dashboard.period?.id;
  const page = useCompleteness(periodId ? { periodId, page: 1, pageSize: BEHIND_SHOWN, order: "behind" } : undefined);
  if (!periodId) return null;
  const behind = (page.data?.units ?? []).filter((u) => u.counts.overdue + u.counts.missing + u.counts.late > 0);
  return (
    <Card
      title={t("home.behind.title")}
      size="small"
      data-testid="behind-units"
      extra={<Link to="/completeness">{t("home.behind.all")}</Link>}
    >
      <ErrorAlert error={page.error} />
      {page.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <List
          size="small"
          dataSource={behind}
          locale={{ emptyText: t("home.behind.none") }}
          renderItem={(u) => (
            <List.Item>
              <Flex wrap gap={8} justify="space-between" style={{ width: "100%" }}>
                <Typography.Text strong>{u.unitName}</Typography.Text>
                <Space size={4} wrap>
                  {u.counts.overdue > 0 && (
                    <Tag color="red">{t("home.behind.overdue", { count: u.counts.overdue })}</Tag>
                  )}
                  {u.counts.missing > u.counts.overdue && (
                    <Tag color="orange">{t("home.behind.missing", { count: u.counts.missing })}</Tag>
                  )}
                  {u.counts.late > 0 && <Tag>{t("home.behind.late", { count: u.counts.late })}</Tag>}
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
