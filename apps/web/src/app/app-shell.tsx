import {
  AuditOutlined,
  BankOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  LogoutOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { canSomewhere, isScopeRole, type TMe } from "@chiso/core";
import { Button, Flex, Layout, Menu, type MenuProps, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useLogout } from "../features/auth/api/logout.ts";
import { NotificationBell } from "../features/notifications/components/notification-bell.tsx";

type TMenuItem = Required<MenuProps>["items"][number];

function menuItems(me: TMe, t: (key: string) => string): TMenuItem[] {
  const items: TMenuItem[] = [
    { key: "/", icon: <DashboardOutlined />, label: <Link to="/">{t("nav.overview")}</Link> },
    { key: "/frameworks", icon: <PartitionOutlined />, label: <Link to="/frameworks">{t("nav.frameworks")}</Link> },
    { key: "/reports", icon: <FileTextOutlined />, label: <Link to="/reports">{t("nav.reports")}</Link> },
    { key: "/plans", icon: <ScheduleOutlined />, label: <Link to="/plans">{t("nav.plans")}</Link> },
    {
      key: "/assessments",
      icon: <TrophyOutlined />,
      label: <Link to="/assessments">{t("assessments.nav")}</Link>,
    },
  ];
  if (canSomewhere(me, "completeness.view")) {
    const label = <Link to="/completeness">{t("notifications.nav.completeness")}</Link>;
    const afterReports = items.findIndex((item) => item?.key === "/reports") + 1;
    items.splice(afterReports, 0, { key: "/completeness", icon: <CheckSquareOutlined />, label });
  }
  if (canSomewhere(me, "unit.manage") || canSomewhere(me, "account.manage")) {
    items.push({
      key: "admin",
      icon: <TeamOutlined />,
      label: t("nav.admin"),
      children: [
        { key: "/units", icon: <BankOutlined />, label: <Link to="/units">{t("nav.units")}</Link> },
        { key: "/accounts", icon: <UserOutlined />, label: <Link to="/accounts">{t("nav.accounts")}</Link> },
        { key: "/audit", icon: <AuditOutlined />, label: <Link to="/audit">{t("nav.audit")}</Link> },
      ],
    });
  }
  return items;
}

export function AppShell({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const selected = `/${location.pathname.split("/")[1] ?? ""}`;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        width={230}
        className="no-print"
      >
        <div style={{ padding: "16px 20px", fontWeight: 700, fontSize: 20, color: "#b91c1c", whiteSpace: "nowrap" }}>
          {collapsed ? "CS" : t("app.name")}
        </div>
        <nav aria-label={t("app.tagline")}>
          <Menu mode="inline" selectedKeys={[selected]} defaultOpenKeys={["admin"]} items={menuItems(me, t)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{ background: "#fff", padding: "0 16px", borderBottom: "1px solid #eee" }}
        >
          <Flex justify="space-between" align="center" style={{ height: "100%" }} gap={12}>
            <Typography.Text type="secondary" ellipsis>
              {me.unitName}
            </Typography.Text>
            <Flex align="center" gap={12}>
              <NotificationBell />
              <span data-testid="current-user">
                <Typography.Text strong>{me.fullName}</Typography.Text>{" "}
                {me.grants.map((g) => (
                  <Tag key={`${g.role}:${g.scopeUnitId}`}>
                    {t(`roles.${g.role}`)}
                    {isScopeRole(g.role) ? ` · ${g.scopeName}` : ""}
                  </Tag>
                ))}
              </span>
              <Link to="/change-password">{t("auth.changeTitle")}</Link>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
                {t("auth.logout")}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
