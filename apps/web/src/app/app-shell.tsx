import {
  AuditOutlined,
  BankOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  PartitionOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { canSomewhere, homePage, isScopeRole, type TMe } from "@chiso/core";
import { Button, Drawer, Flex, Layout, Menu, type MenuProps, Tag, Typography } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useLogout } from "../features/auth/api/logout.ts";
import { NotificationBell } from "../features/notifications/components/notification-bell.tsx";
import { notificationsMessages } from "../features/notifications/messages.ts";
import { homeMessages } from "../features/overview/messages.ts";
import { registerMessages } from "../i18n/index.ts";
import { usePhone } from "../lib/use-phone.ts";
import { PageSkeleton } from "./page-skeleton.tsx";

// The shell comes before every signed-in page: the bell, the menu, the completeness and notification pages and the
// home pages find their strings registered.
registerMessages("notifications", notificationsMessages);
registerMessages("home", homeMessages);

type TMenuItem = Required<MenuProps>["items"][number];

function menuItems(me: TMe, t: (key: string) => string): TMenuItem[] {
  // Leaders' home is the dashboard itself; everyone else has a home of their own and the dashboard beside it.
  const dashboardIsHome = homePage(me) === "score";
  const items: TMenuItem[] = [
    dashboardIsHome
      ? { key: "/", icon: <DashboardOutlined />, label: <Link to="/">{t("nav.overview")}</Link> }
      : { key: "/", icon: <HomeOutlined />, label: <Link to="/">{t("home.nav")}</Link> },
    ...(dashboardIsHome
      ? []
      : [{ key: "/dashboard", icon: <DashboardOutlined />, label: <Link to="/dashboard">{t("nav.overview")}</Link> }]),
    { key: "/frameworks", icon: <PartitionOutlined />, label: <Link to="/frameworks">{t("nav.frameworks")}</Link> },
    { key: "/reports", icon: <FileTextOutlined />, label: <Link to="/reports">{t("nav.reports")}</Link> },
    { key: "/plans", icon: <ScheduleOutlined />, label: <Link to="/plans">{t("nav.plans")}</Link> },
    {
      key: "/assessments",
      icon: <TrophyOutlined />,
      label: <Link to="/assessments">{t("nav.assessments")}</Link>,
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

function Roles({ me }: { me: TMe }) {
  const { t } = useTranslation();
  return me.grants.map((g) => (
    <Tag key={`${g.role}:${g.scopeUnitId}`}>
      {t(`roles.${g.role}`)}
      {isScopeRole(g.role) ? ` · ${g.scopeName}` : ""}
    </Tag>
  ));
}

export function AppShell({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  const phone = usePhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const selected = `/${location.pathname.split("/")[1] ?? ""}`;
  const menu = (
    <nav aria-label={t("app.tagline")}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        defaultOpenKeys={["admin"]}
        items={menuItems(me, t)}
        onClick={() => setDrawerOpen(false)}
      />
    </nav>
  );
  const content = (
    <main>
      {/* A boundary per address: the next page's skeleton shows at once, instead of the previous page staying on
          screen (and clickable) while the next page's code loads. */}
      <Suspense key={location.pathname} fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </main>
  );

  if (phone) {
    // A phone: the menu in a drawer, a one-line header (menu, name, bell, sign out), the page at full width.
    return (
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header
          className="no-print"
          style={{
            background: "#fff",
            padding: "0 8px",
            borderBottom: "1px solid #eee",
            height: 56,
            lineHeight: "56px",
            position: "sticky",
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={4} style={{ height: "100%" }}>
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("home.menu")}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
            <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="current-user">
              {me.fullName}
            </Typography.Text>
            <NotificationBell />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              aria-label={t("auth.logout")}
              title={t("auth.logout")}
              onClick={() => logout.mutate()}
              loading={logout.isPending}
            />
          </Flex>
        </Layout.Header>
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={<span style={{ color: "#b91c1c" }}>{t("app.name")}</span>}
          styles={{ body: { padding: 0 } }}
        >
          <Flex vertical gap={8} style={{ padding: "12px 16px" }}>
            <Typography.Text strong>{me.fullName}</Typography.Text>
            <Typography.Text type="secondary">{me.unitName}</Typography.Text>
            <div>
              <Roles me={me} />
            </div>
          </Flex>
          {menu}
          <Flex vertical gap={12} style={{ padding: 16 }}>
            <Link to="/change-password" onClick={() => setDrawerOpen(false)}>
              {t("auth.changeTitle")}
            </Link>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
              {t("auth.logout")}
            </Button>
          </Flex>
        </Drawer>
        <Layout.Content style={{ padding: 12, minWidth: 0 }}>{content}</Layout.Content>
      </Layout>
    );
  }

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
        {menu}
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
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
                <Typography.Text strong>{me.fullName}</Typography.Text> <Roles me={me} />
              </span>
              <Link to="/change-password">{t("auth.changeTitle")}</Link>
              <LanguageSwitch />
              <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending}>
                {t("auth.logout")}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>{content}</Layout.Content>
      </Layout>
    </Layout>
  );
}
