import { type ComponentType, lazy } from "react";

/**
 * Every page is its own chunk, loaded when first opened: the first load carries only the shell, the sign-in
 * form and the signed-in user's home page, not the whole application (docs/performance.md, web budget).
 */
// biome-ignore lint/suspicious/noExplicitAny: any page's props, kept exact by TModule[TName]
function page<TName extends string, TModule extends Record<TName, ComponentType<any>>>(
  load: () => Promise<TModule>,
  name: TName,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// Signed out, only the sign-in form loads; signed in, the shell (menu, header) and the home page.
export const LoginPage = page(() => import("../features/auth/components/login-page.tsx"), "LoginPage");
export const AppShell = page(() => import("./app-shell.tsx"), "AppShell");

export const AccountsPage = page(() => import("../features/accounts/components/accounts-page.tsx"), "AccountsPage");
export const AuditPage = page(() => import("../features/audit/components/audit-page.tsx"), "AuditPage");
export const ChangePasswordPage = page(
  () => import("../features/auth/components/change-password-page.tsx"),
  "ChangePasswordPage",
);
export const CompletenessPage = page(
  () => import("../features/completeness/components/completeness-page.tsx"),
  "CompletenessPage",
);
export const FrameworksPage = page(
  () => import("../features/frameworks/components/frameworks-page.tsx"),
  "FrameworksPage",
);
export const NotificationsPage = page(
  () => import("../features/notifications/components/notifications-page.tsx"),
  "NotificationsPage",
);
export const HomePage = page(() => import("../features/overview/components/home-page.tsx"), "HomePage");
export const DashboardPage = page(() => import("../features/dashboard/components/dashboard-page.tsx"), "DashboardPage");
export const PlanPage = page(() => import("../features/plans/components/plan-page.tsx"), "PlanPage");
export const PlansPage = page(() => import("../features/plans/components/plans-page.tsx"), "PlansPage");
export const ReportPage = page(() => import("../features/reports/components/report-page.tsx"), "ReportPage");
export const ReportsPage = page(() => import("../features/reports/components/reports-page.tsx"), "ReportsPage");
export const RoundsPage = page(() => import("../features/assessments/components/rounds-page.tsx"), "RoundsPage");
export const RoundPage = page(() => import("../features/assessments/components/round-page.tsx"), "RoundPage");
export const UnitsPage = page(() => import("../features/units/components/units-page.tsx"), "UnitsPage");
