import { z } from "zod";

export const REPORT_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "accepted",
  "verified",
  "appraised",
  "final",
] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

/** lead = the lead agency's consolidated report for the province; cooperate = a cooperating unit's report. */
export type TReportRole = "lead" | "cooperate";

export const REPORT_ACTIONS = [
  "submit",
  "accept",
  "return",
  "request_explanation",
  "verify",
  "appraise",
  "finalize",
] as const;
export const ZReportAction = z.enum(REPORT_ACTIONS);
export type TReportAction = z.infer<typeof ZReportAction>;

/** What the acting user is, relative to one report. */
export interface TReportActorContext {
  /** A reporter or lead of the report's own unit (or the coordinator acting for it). */
  actsForUnit: boolean;
  /** unit_lead of the indicator's lead agency: reviews cooperating units' reports. */
  leadsIndicator: boolean;
  isCoordinator: boolean;
  isAppraiser: boolean;
}

interface TTransition {
  from: readonly TReportStatus[];
  to: TReportStatus;
  roles: readonly TReportRole[];
  who: (actor: TReportActorContext) => boolean;
}

/**
 * The review ladder. A cooperating unit's report goes to the lead agency (accept or return); the lead
 * agency's consolidated report goes to the coordinator (verify), then the appraisal council (appraise),
 * then the coordinator closes it (final). A request to explain or add evidence (giải trình, bổ sung) can be
 * made at any review step and reopens the report.
 */
const TRANSITIONS: Record<TReportAction, TTransition> = {
  submit: { from: ["draft", "returned"], to: "submitted", roles: ["lead", "cooperate"], who: (a) => a.actsForUnit },
  accept: { from: ["submitted"], to: "accepted", roles: ["cooperate"], who: (a) => a.leadsIndicator },
  return: {
    from: ["submitted"],
    to: "returned",
    roles: ["lead", "cooperate"],
    who: (a) => a.leadsIndicator || a.isCoordinator,
  },
  request_explanation: {
    from: ["submitted", "accepted", "verified", "appraised"],
    to: "returned",
    roles: ["lead", "cooperate"],
    who: (a) => a.leadsIndicator || a.isCoordinator || a.isAppraiser,
  },
  verify: { from: ["submitted"], to: "verified", roles: ["lead"], who: (a) => a.isCoordinator },
  appraise: { from: ["verified", "appraised"], to: "appraised", roles: ["lead"], who: (a) => a.isAppraiser },
  finalize: { from: ["appraised"], to: "final", roles: ["lead"], who: (a) => a.isCoordinator },
};

/** Who reviews a report at its current step: the lead agency for cooperating reports, else coordinator/council. */
function reviewerMayAct(action: TReportAction, role: TReportRole, status: TReportStatus, actor: TReportActorContext) {
  if (action === "return") return role === "cooperate" ? actor.leadsIndicator : actor.isCoordinator;
  if (action === "request_explanation") {
    if (role === "cooperate") return actor.leadsIndicator || actor.isCoordinator;
    if (status === "submitted") return actor.isCoordinator;
    if (status === "verified" || status === "appraised") return actor.isAppraiser || actor.isCoordinator;
    return false;
  }
  return true;
}

/** The status an action leads to, or null when it is not allowed here for this actor. */
export function nextStatus(
  report: { role: TReportRole; status: TReportStatus },
  action: TReportAction,
  actor: TReportActorContext,
): TReportStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(report.status) || !t.roles.includes(report.role) || !t.who(actor)) return null;
  if (!reviewerMayAct(action, report.role, report.status, actor)) return null;
  return t.to;
}

export function allowedActions(
  report: { role: TReportRole; status: TReportStatus },
  actor: TReportActorContext,
): TReportAction[] {
  return REPORT_ACTIONS.filter((a) => nextStatus(report, a, actor) !== null);
}

/** Values and evidence can change only while the unit holds the report. */
export function isEditable(status: TReportStatus): boolean {
  return status === "draft" || status === "returned";
}

export const REPORT_STATUS_LABELS: Record<TReportStatus, { vi: string; en: string }> = {
  draft: { vi: "Đang soạn", en: "Draft" },
  submitted: { vi: "Đã gửi", en: "Submitted" },
  returned: { vi: "Bị trả lại", en: "Returned" },
  accepted: { vi: "Đã chấp nhận", en: "Accepted" },
  verified: { vi: "Đã xác minh", en: "Verified" },
  appraised: { vi: "Đã thẩm định", en: "Appraised" },
  final: { vi: "Kết quả chính thức", en: "Final" },
};

export const REPORT_ACTION_LABELS: Record<TReportAction, { vi: string; en: string }> = {
  submit: { vi: "Gửi báo cáo", en: "Submit" },
  accept: { vi: "Chấp nhận", en: "Accept" },
  return: { vi: "Trả lại", en: "Return" },
  request_explanation: { vi: "Yêu cầu giải trình, bổ sung", en: "Request explanation" },
  verify: { vi: "Xác minh", en: "Verify" },
  appraise: { vi: "Thẩm định", en: "Appraise" },
  finalize: { vi: "Chốt kết quả", en: "Finalize" },
};
