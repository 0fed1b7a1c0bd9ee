import { canSomewhere, type TAction, type TMe } from "@chiso/core";
import { Button, Flex, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Link, Navigate, Route, Routes } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { AccountsPage } from "../features/accounts/components/accounts-page.tsx";
import { RoundPage } from "../features/assessments/components/round-page.tsx";
import { RoundsPage } from "../features/assessments/components/rounds-page.tsx";
import { AuditPage } from "../features/audit/components/audit-page.tsx";
import { useMe } from "../features/auth/api/get-me.ts";
import { ChangePasswordPage } from "../features/auth/components/change-password-page.tsx";
import { LoginPage } from "../features/auth/components/login-page.tsx";
import { CompletenessPage } from "../features/completeness/components/completeness-page.tsx";
import { FrameworksPage } from "../features/frameworks/components/frameworks-page.tsx";
import { NotificationsPage } from "../features/notifications/components/notifications-page.tsx";
import { OverviewPage } from "../features/overview/components/overview-page.tsx";
import { PlanPage } from "../features/plans/components/plan-page.tsx";
import { PlansPage } from "../features/plans/components/plans-page.tsx";
import { ReportPage } from "../features/reports/components/report-page.tsx";
import { ReportsPage } from "../features/reports/components/reports-page.tsx";
import { UnitsPage } from "../features/units/components/units-page.tsx";
import { AppShell } from "./app-shell.tsx";

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("errors.forbidden")}
      extra={
        <Link to="/">
          <Button type="primary">{t("errors.backHome")}</Button>
        </Link>
      }
    />
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("errors.notFound")}
      extra={
        <Link to="/">
          <Button type="primary">{t("errors.backHome")}</Button>
        </Link>
      }
    />
  );
}

/** A page only some roles may use: others see a 403 page, and the API refuses them as well. */
/** A page for who may do `action` somewhere; the server filters what it shows by scope. */
function Guard({ me, action, children }: { me: TMe; action: TAction; children: ReactNode }) {
  return canSomewhere(me, action) ? children : <Forbidden />;
}

function SignedInRoutes({ me }: { me: TMe }) {
  if (me.mustChangePassword) {
    return (
      <Routes>
        <Route path="*" element={<ChangePasswordPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppShell me={me} />}>
        <Route index element={<OverviewPage />} />
        <Route path="frameworks" element={<FrameworksPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="reports/:id" element={<ReportPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route
          path="completeness"
          element={
            <Guard me={me} action="completeness.view">
              <CompletenessPage />
            </Guard>
          }
        />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="assessments" element={<RoundsPage />} />
        <Route path="assessments/:id" element={<RoundPage />} />
        <Route
          path="units"
          element={
            <Guard me={me} action="unit.manage">
              <UnitsPage />
            </Guard>
          }
        />
        <Route
          path="accounts"
          element={
            <Guard me={me} action="account.manage">
              <AccountsPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard me={me} action="audit.view">
              <AuditPage />
            </Guard>
          }
        />
        <Route path="change-password" element={<ChangePasswordPage />} />
        <Route path="login" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function AppRouter() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.error) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh", padding: 24 }}>
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Flex>
    );
  }
  return <BrowserRouter>{me.data ? <SignedInRoutes me={me.data} /> : <LoginPage />}</BrowserRouter>;
}
