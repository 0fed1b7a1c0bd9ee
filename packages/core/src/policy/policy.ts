import type { TActor } from "./actor.ts";
import { assessmentRules } from "./rules/assessments.ts";
import { documentRules } from "./rules/documents.ts";
import { frameworkRules } from "./rules/frameworks.ts";
import { planRules } from "./rules/plans.ts";
import { reportRules } from "./rules/reports.ts";
import { scopeRules } from "./rules/scopes.ts";
import { unitRules } from "./rules/units.ts";

/**
 * The one place that says who may do what in which scope, shared by the server (which enforces it on every
 * route) and the web (which shows only what the user can use). One rule file per resource.
 */
export const rules = {
  ...scopeRules,
  ...unitRules,
  ...frameworkRules,
  ...reportRules,
  ...documentRules,
  ...planRules,
  ...assessmentRules,
} as const;

export type TAction = keyof typeof rules;
export type TResourceOf<A extends TAction> = Parameters<(typeof rules)[A]>[1];

export function can<A extends TAction>(actor: TActor, action: A, resource: TResourceOf<A>): boolean {
  return (rules[action] as (actor: TActor, resource: TResourceOf<A>) => boolean)(actor, resource);
}

/** What a refusal says, in Vietnamese: the action the user tried, never another unit's data. */
export const REFUSALS: Record<TAction, string> = {
  "dashboard.view": "Bạn không có quyền xem tổng quan của phạm vi này.",
  "unitGroup.view": "Bạn không có quyền xem các nhóm đơn vị của phạm vi này.",
  "unitGroup.manage": "Chỉ cơ quan thường trực của phạm vi được tạo, sửa, xóa nhóm đơn vị.",
  "settings.view": "Bạn cần đăng nhập để xem thông tin này.",
  "settings.manage": "Chỉ cơ quan thường trực cấp tỉnh được thay đổi mục tiêu và kết quả chính thức.",
  "completeness.view": "Bạn không có quyền xem tình hình báo cáo của phạm vi này.",
  "completeness.chase": "Chỉ cơ quan thường trực và lãnh đạo cơ quan chủ trì được đôn đốc.",
  "completeness.chaseAll": "Chỉ cơ quan thường trực của phạm vi này được đôn đốc mọi đơn vị.",
  "export.scope": "Bạn không có quyền xuất dữ liệu của phạm vi này.",
  "audit.view": "Bạn không có quyền xem nhật ký thay đổi của phạm vi này.",
  "unit.view": "Bạn không có quyền xem đơn vị này.",
  "unit.manage": "Bạn chỉ quản lý được các đơn vị trực thuộc phạm vi mình phụ trách.",
  "account.manage": "Bạn chỉ quản lý được tài khoản của các đơn vị trong phạm vi mình phụ trách.",
  "account.grant": "Bạn chỉ cấp được vai trò trong phạm vi mình phụ trách.",
  "framework.view": "Bạn không có quyền xem bộ chỉ số của phạm vi này.",
  "framework.edit": "Chỉ cơ quan thường trực của phạm vi này được chỉnh sửa bộ chỉ số và phân công.",
  "period.manage": "Chỉ cơ quan thường trực của phạm vi này được mở kỳ báo cáo và gia hạn.",
  "report.actFor": "Bạn chỉ nhập được báo cáo của đơn vị mình.",
  "report.read": "Bạn không có quyền xem báo cáo này.",
  "report.consolidate": "Chỉ cơ quan chủ trì chỉ số được tổng hợp số liệu của các đơn vị phối hợp.",
  "report.review": "Chỉ lãnh đạo cơ quan chủ trì chỉ số được xem xét báo cáo này.",
  "report.verify": "Chỉ cơ quan thường trực của kỳ báo cáo được xác nhận báo cáo.",
  "report.appraise": "Chỉ thành viên hội đồng thẩm định được thẩm định báo cáo.",
  "report.comment": "Bạn chỉ được xem, không được trao đổi trên báo cáo này.",
  "document.read": "Bạn không có quyền xem tài liệu này.",
  "document.manage": "Bạn chỉ quản lý được tài liệu của đơn vị mình.",
  "plan.view": "Bạn không có quyền xem kế hoạch của phạm vi này.",
  "plan.manage": "Chỉ cơ quan thường trực của phạm vi này được tạo và sửa kế hoạch.",
  "plan.recordReview": "Chỉ cơ quan thường trực của phạm vi này được ghi biên bản hội nghị sơ kết.",
  "task.update": "Chỉ đơn vị chủ trì nhiệm vụ được cập nhật tiến độ.",
  "assessment.view": "Bạn không có quyền xem đợt đánh giá này.",
  "assessment.manage": "Chỉ cơ quan thường trực của phạm vi này được tạo và điều hành đợt đánh giá.",
  "assessment.results": "Kết quả đánh giá chỉ được xem sau khi công bố.",
  "assessment.readSheet": "Bạn chỉ xem được phiếu tự đánh giá của cơ quan mình.",
  "assessment.selfAssess": "Bạn chỉ tự đánh giá được cho cơ quan mình.",
  "assessment.appraise": "Bạn không được giao thẩm định tiêu chí này.",
};

/**
 * Whether the actor may do `action` somewhere — in one of the scopes it holds a role in, or just below one (a
 * coordinator manages the units under its root). Lists and menus use it; the rows shown are filtered by scope.
 */
export function canSomewhere(actor: TActor, action: TAction): boolean {
  return actor.grants.some((g) =>
    [g.scopePath, [...g.scopePath, "*"]].some((path) =>
      can(actor, action, {
        scopePath: path,
        unitPath: path,
        unitId: path.at(-1) ?? "",
        leadUnitId: g.scopeUnitId,
        leadUnitIds: g.scopeUnitId ? [g.scopeUnitId] : [],
        status: "submitted",
      } as never),
    ),
  );
}

/**
 * Where a user starts (the page at "/"), from what the rules let them do: a coordinator runs a cycle (who is late,
 * where points are lost); a lead agency's leader or a council member has reports waiting for them; a reporter has
 * a to-do list; whoever only reads (leadership) sees the score. Someone with several roles starts from the busiest.
 */
export type THomePage = "coordination" | "review" | "work" | "score";

export function homePage(actor: TActor): THomePage {
  if (canSomewhere(actor, "period.manage")) return "coordination";
  if (canSomewhere(actor, "report.review") || canSomewhere(actor, "report.appraise")) return "review";
  if (canSomewhere(actor, "report.actFor")) return "work";
  return "score";
}
