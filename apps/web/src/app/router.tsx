import { canSomewhere, type TAction, type TMe } from "@chiso/core";
import { Button, Flex, Result, Spin } from "antd";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Link, Navigate, Route, Routes } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { useMe } from "../features/auth/api/get-me.ts";
import { PageSkeleton } from "./page-skeleton.tsx";
import {
  AccountsPage,
  AppShell,
  AuditPage,
  ChangePasswordPage,
  CompletenessPage,
  DashboardPage,
  FrameworksPage,
  HomePage,
  LoginPage,
  NotificationsPage,
  PlanPage,
  PlansPage,
  ReportPage,
  ReportsPage,
  RoundPage,
  RoundsPage,
  UnitsPage,
} from "./pages.tsx";

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
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route path="*" element={<ChangePasswordPage />} />
        </Routes>
      </Suspense>
    );
  }
  return (
    <Routes>
      <Route element={<AppShell me={me} />}>
        <Route index element={<HomePage />} />
        <Route path="dashboard" element={<DashboardPage />} />
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

function FullScreenSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <Spin size="large" />
    </Flex>
  );
}

export function AppRouter() {
  const me = useMe();
  if (me.isPending) return <FullScreenSpin />;
  if (me.error) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh", padding: 24 }}>
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Flex>
    );
  }
  return (
    <BrowserRouter>
      <Suspense fallback={<FullScreenSpin />}>{me.data ? <SignedInRoutes me={me.data} /> : <LoginPage />}</Suspense>
    </BrowserRouter>
  );
}
