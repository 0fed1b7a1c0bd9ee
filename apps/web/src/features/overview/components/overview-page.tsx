import { formatNumberVi, holdsUnitRole, type TIndicator } from "@chiso/core";
import { Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useMe } from "../../auth/api/get-me.ts";
import { DashboardPage } from "../../dashboard/components/dashboard-page.tsx";
import { useFramework } from "../../frameworks/api/get-framework.ts";
import { useFrameworks } from "../../frameworks/api/list-frameworks.ts";

/** The unit's own indicators in the current framework: what it leads and what it cooperates on. */
function MyIndicators() {
  const { t } = useTranslation();
  const me = useMe().data;
  const frameworks = useFrameworks();
  const current = frameworks.data?.find((f) => f.status === "published") ?? frameworks.data?.[0];
  const detail = useFramework(current?.id);

  if (!me) return null;
  const mine = (detail.data?.indicators ?? []).filter(
    (i) => i.lead?.unitId === me.unitId || i.cooperating.some((c) => c.unitId === me.unitId),
  );
  const led = mine.filter((i) => i.lead?.unitId === me.unitId);

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t("overview.greeting", { name: me.fullName })} · {t("overview.unit", { unit: me.unitName })}
      </Typography.Text>
      <ErrorAlert error={frameworks.error ?? detail.error} />
      {frameworks.isPending || (current && detail.isPending) ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} lg={6}>
            <Card>
              <Statistic
                title={t("overview.frameworks")}
                value={current?.name ?? "—"}
                styles={{ content: { fontSize: 16 } }}
              />
              {current && (
                <Link to={`/frameworks?id=${current.id}`}>
                  {t("overview.frameworkLink", {
                    count: current.indicatorCount,
                    total: formatNumberVi(current.maxTotal),
                  })}
                </Link>
              )}
            </Card>
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Card>
              <Statistic title={t("overview.maxTotal")} value={formatNumberVi(current?.maxTotal ?? 0)} />
            </Card>
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Card>
              <Statistic title={t("overview.indicatorsLed")} value={led.length} />
            </Card>
          </Col>
          <Col xs={12} md={6} lg={6}>
            <Card>
              <Statistic title={t("overview.indicatorsCooperating")} value={mine.length - led.length} />
            </Card>
          </Col>
        </Row>
      )}
      <Card title={t("overview.myIndicators")}>
        <Table<TIndicator>
          rowKey="id"
          size="small"
          dataSource={mine}
          pagination={false}
          locale={{ emptyText: t("overview.noIndicators") }}
          columns={[
            { title: t("frameworks.code"), dataIndex: "code", width: 80 },
            { title: t("frameworks.name"), dataIndex: "name" },
            {
              title: t("frameworks.maxScore"),
              dataIndex: "maxScore",
              width: 110,
              align: "right",
              render: (s: number) => formatNumberVi(s),
            },
            {
              title: "",
              key: "role",
              width: 160,
              render: (_, i) =>
                i.lead?.unitId === me.unitId ? (
                  <Tag color="red">{t("frameworks.lead")}</Tag>
                ) : (
                  <Tag>{t("frameworks.cooperating")}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

/** Tổng quan: the province dashboard for everyone; units also see their own indicators. */
export function OverviewPage() {
  const me = useMe().data;
  const forUnit = me ? holdsUnitRole(me) : false;
  return <DashboardPage extra={forUnit ? <MyIndicators /> : undefined} />;
}
