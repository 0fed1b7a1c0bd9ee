import { formatDateTimeVi, formatDateVi, type TNotificationKind } from "@chiso/core";
import type { TMailMessage } from "./mailer.ts";

/**
 * The words of every notice, in Vietnamese (the users' language; the title is also the e-mail subject). A notice is
 * stored with its text, so what a user read last quarter does not change when a template does.
 */
export interface TNotice {
  kind: TNotificationKind;
  title: string;
  body: string | null;
  link: string | null;
}

const excerpt = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const reportsLink = (periodId: string) => `/reports?tab=work&periodId=${periodId}`;

export function periodOpened(p: { periodId: string; label: string; frameworkName: string; deadline: Date }): TNotice {
  return {
    kind: "period_opened",
    title: `Đã mở kỳ báo cáo ${p.label}`,
    body: `${p.frameworkName}. Hạn gửi báo cáo: ${formatDateTimeVi(p.deadline)}. Vui lòng cập nhật số liệu và tài liệu kiểm chứng của đơn vị.`,
    link: reportsLink(p.periodId),
  };
}

interface TUnitBehind {
  periodId: string;
  label: string;
  unitName: string;
  deadline: Date;
  unfinished: number;
}

export function deadlineSoon(p: TUnitBehind & { daysLeft: number }): TNotice {
  const when = p.daysLeft === 0 ? "Hôm nay là hạn cuối" : `Còn ${p.daysLeft} ngày đến hạn`;
  return {
    kind: "deadline_soon",
    title: `${when} báo cáo ${p.label}`,
    body: `${p.unitName} còn ${p.unfinished} báo cáo chưa gửi. Hạn: ${formatDateTimeVi(p.deadline)}.`,
    link: reportsLink(p.periodId),
  };
}

export function deadlinePassed(p: TUnitBehind): TNotice {
  return {
    kind: "deadline_passed",
    title: `Đã quá hạn báo cáo ${p.label}`,
    body: `${p.unitName} còn ${p.unfinished} báo cáo chưa gửi; hạn đã hết lúc ${formatDateTimeVi(p.deadline)}. Liên hệ Sở KH&CN nếu cần gia hạn.`,
    link: reportsLink(p.periodId),
  };
}

interface TReportRef {
  reportId: string;
  periodLabel: string;
  indicatorCode: string;
  indicatorName: string;
  unitName: string;
}

export function reportReturned(r: TReportRef & { explanation: boolean; comment: string | null }): TNotice {
  return {
    kind: "report_returned",
    title: r.explanation
      ? `Yêu cầu giải trình, bổ sung báo cáo chỉ số ${r.indicatorCode}`
      : `Báo cáo chỉ số ${r.indicatorCode} bị trả lại`,
    // The reviewer's words first: they say what to fix, and the bell shows only the first lines.
    body: `${r.comment ? `${excerpt(r.comment, 500)}\n` : ""}${r.periodLabel} · ${r.indicatorCode}. ${excerpt(r.indicatorName, 120)}`,
    link: `/reports/${r.reportId}`,
  };
}

export function reviewRequested(r: TReportRef & { step: "review" | "appraisal" }): TNotice {
  return {
    kind: "review_requested",
    title:
      r.step === "appraisal"
        ? `Báo cáo chỉ số ${r.indicatorCode} chờ thẩm định`
        : `Báo cáo chỉ số ${r.indicatorCode} của ${r.unitName} chờ xem xét`,
    body: `${r.periodLabel} · ${r.indicatorCode}. ${excerpt(r.indicatorName, 120)}`,
    link: `/reports/${r.reportId}`,
  };
}

export function commentReply(r: TReportRef & { authorName: string; body: string }): TNotice {
  return {
    kind: "comment_reply",
    title: `Trao đổi mới về báo cáo chỉ số ${r.indicatorCode}`,
    body: `${r.authorName}: ${excerpt(r.body, 300)}\n(${r.periodLabel} · ${r.unitName})`,
    link: `/reports/${r.reportId}`,
  };
}

interface TTaskRef {
  content: string;
  number: string | null;
  end: string;
}

const taskName = (t: TTaskRef) => `${t.number ? `${t.number}. ` : ""}${excerpt(t.content, 140)}`;

export function taskDeadline(t: TTaskRef & { daysLeft: number }): TNotice {
  const when = t.daysLeft === 0 ? "Hôm nay là hạn cuối" : `Còn ${t.daysLeft} ngày đến hạn`;
  return {
    kind: "task_deadline",
    title: `${when} nhiệm vụ: ${excerpt(t.content, 60)}`,
    body: `${taskName(t)}\nThời hạn: ${formatDateVi(t.end)}. Vui lòng cập nhật tiến độ.`,
    link: "/plans",
  };
}

export function taskOverdue(t: TTaskRef): TNotice {
  return {
    kind: "task_overdue",
    title: `Nhiệm vụ quá hạn: ${excerpt(t.content, 60)}`,
    body: `${taskName(t)}\nThời hạn: ${formatDateVi(t.end)}. Vui lòng cập nhật tiến độ hoặc báo cáo lý do chậm.`,
    link: "/plans",
  };
}

/** A periodic progress report of a plan's task (seed 003: "06 tháng, trước ngày 10/6 và ngày 10/12"). */
export function taskProgressDue(t: TTaskRef & { planCode: string; due: Date; daysLeft: number }): TNotice {
  const when = t.daysLeft === 0 ? "Hôm nay là hạn cuối" : `Còn ${t.daysLeft} ngày đến hạn`;
  return {
    kind: "task_progress_due",
    title: `${when} báo cáo tiến độ nhiệm vụ: ${excerpt(t.content, 60)}`,
    body: `${taskName(t)}\nKế hoạch ${t.planCode}. Hạn báo cáo tiến độ: ${formatDateTimeVi(t.due)}. Vui lòng cập nhật tiến độ thực hiện nhiệm vụ.`,
    link: "/plans",
  };
}

export function chase(p: TUnitBehind & { chaserName: string; codes: string[] }): TNotice {
  const listed = p.codes.slice(0, 12).join(", ") + (p.codes.length > 12 ? ", …" : "");
  return {
    kind: "chase",
    title: `${p.chaserName} đôn đốc báo cáo ${p.label}`,
    body: `${p.unitName} còn ${p.unfinished} báo cáo chưa gửi (chỉ số ${listed}). Hạn: ${formatDateTimeVi(p.deadline)}. Đề nghị đơn vị khẩn trương cập nhật số liệu và tài liệu kiểm chứng.`,
    link: reportsLink(p.periodId),
  };
}

/** The e-mail of a notice: its title as the subject, its text, a link back, and how to stop such e-mails. */
export function noticeEmail(
  notice: { title: string; body: string | null; link: string | null },
  recipient: { email: string; fullName: string },
  publicUrl: string,
): TMailMessage {
  const lines = [`Kính gửi ${recipient.fullName},`, "", notice.body ?? notice.title];
  if (notice.link) lines.push("", `Xem chi tiết: ${publicUrl}${notice.link}`);
  lines.push(
    "",
    "—",
    "Chỉ số — Hệ thống quản lý Bộ chỉ số chuyển đổi số (DTI).",
    `Thư gửi tự động, vui lòng không trả lời. Tắt thư cho loại thông báo này tại ${publicUrl}/notifications.`,
  );
  return { to: recipient.email, subject: notice.title, text: lines.join("\n") };
}

export function loginBlocked(p: { address: string; at: Date }): TNotice {
  return {
    kind: "login_blocked",
    title: "Đăng nhập tài khoản của bạn bị tạm chặn",
    body: `Lúc ${formatDateTimeVi(p.at)} có nhiều lần nhập sai mật khẩu tài khoản của bạn từ địa chỉ ${p.address}, nên việc đăng nhập bị tạm chặn ít phút. Nếu không phải bạn, hãy đổi mật khẩu và báo quản trị (Sở KH&CN); quản trị có thể mở chặn ngay.`,
    link: null,
  };
}
