import type { TFrameworkIssue } from "../contracts/frameworks.ts";
import { formatNumberVi } from "../text/format.ts";
import { pointsOf, type TIndicatorInput, type TScoringRule, type TValueKind } from "./indicator.ts";

/** What validation needs of an indicator, wherever it comes from (database rows or an imported file). */
export interface TValidatableIndicator {
  code: string;
  parentCode: string | null;
  maxScore: number;
  valueKind: TValueKind | null;
  inputs: readonly TIndicatorInput[];
  rule: TScoringRule | null;
  /** Row of the imported file, so errors can point at it. */
  row?: number;
}

const EPSILON = 0.005;
const NUMERIC_KINDS: readonly TValueKind[] = ["percent", "count", "number", "money"];

/**
 * Every problem that would make scores untrustworthy: duplicate or dangling codes, branches whose maximum
 * differs from the sum of their children, leaves without a rule, rules that do not fit the value kind or
 * promise more points than the maximum. An empty list means the framework can be published.
 */
export function validateFramework(indicators: readonly TValidatableIndicator[]): TFrameworkIssue[] {
  const issues: TFrameworkIssue[] = [];
  const issue = (node: TValidatableIndicator | null, message: string) =>
    issues.push({
      code: node?.code ?? null,
      row: node?.row ?? null,
      message: node ? `${node.code}: ${message}` : message,
    });

  if (!indicators.length) issue(null, "Bộ chỉ số chưa có chỉ số nào.");
  const byCode = new Map<string, TValidatableIndicator>();
  for (const node of indicators) {
    if (byCode.has(node.code)) issue(node, "mã chỉ số bị trùng.");
    else byCode.set(node.code, node);
  }
  const children = new Map<string, TValidatableIndicator[]>();
  for (const node of indicators) {
    if (node.parentCode === null) continue;
    if (!byCode.has(node.parentCode)) issue(node, `không tìm thấy chỉ số cha "${node.parentCode}".`);
    else children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node]);
  }
  for (const node of indicators) {
    if (hasCycle(node, byCode)) issue(node, "chỉ số nằm trong một vòng lặp cha – con.");
    const kids = children.get(node.code);
    if (kids?.length) checkBranch(node, kids, issue);
    else checkLeaf(node, issue);
  }
  return issues;
}

function hasCycle(node: TValidatableIndicator, byCode: Map<string, TValidatableIndicator>): boolean {
  const seen = new Set<string>([node.code]);
  for (let parent = node.parentCode; parent !== null; parent = byCode.get(parent)?.parentCode ?? null) {
    if (seen.has(parent)) return true;
    seen.add(parent);
  }
  return false;
}

type TReport = (node: TValidatableIndicator, message: string) => void;

function checkBranch(node: TValidatableIndicator, kids: TValidatableIndicator[], issue: TReport) {
  const sum = kids.reduce((s, k) => s + k.maxScore, 0);
  if (Math.abs(sum - node.maxScore) > EPSILON) {
    issue(
      node,
      `tổng điểm tối đa của các chỉ số con (${formatNumberVi(sum)}) khác điểm tối đa (${formatNumberVi(node.maxScore)}).`,
    );
  }
}

function checkLeaf(node: TValidatableIndicator, issue: TReport) {
  const { rule, valueKind } = node;
  if (!valueKind) issue(node, "chưa chọn loại giá trị.");
  if (!rule) {
    issue(node, "chưa chọn quy tắc chấm điểm.");
    return;
  }
  if (node.maxScore < 0) issue(node, "điểm tối đa không được âm.");
  const inputKeys = new Set(node.inputs.map((i) => i.key));
  const needsInput = (key: string) => {
    if (valueKind === "multi" ? !inputKeys.has(key) : key !== "value") {
      issue(node, `quy tắc dùng ô nhập "${key}" nhưng chỉ số không có ô nhập này.`);
    }
  };
  const notAbove = (points: number, what: string) => {
    if (points > node.maxScore + EPSILON) {
      issue(node, `${what} (${formatNumberVi(points)}) vượt điểm tối đa (${formatNumberVi(node.maxScore)}).`);
    }
  };
  if (valueKind === "multi" && !node.inputs.length) issue(node, "loại nhiều ô nhập cần ít nhất một ô nhập.");

  switch (rule.type) {
    case "yes_no":
      if (valueKind !== "boolean") issue(node, "quy tắc có/không cần loại giá trị có/không.");
      break;
    case "ratio":
      if (valueKind !== "multi") issue(node, "quy tắc tỷ lệ cần loại giá trị nhiều ô nhập (tử số, mẫu số).");
      else {
        needsInput(rule.numerator);
        needsInput(rule.denominator);
      }
      break;
    case "target":
    case "bands":
      if (valueKind !== "multi" && !NUMERIC_KINDS.includes(valueKind as TValueKind)) {
        issue(node, "quy tắc này cần giá trị dạng số.");
      } else needsInput(rule.input);
      if (rule.type === "bands")
        for (const band of rule.bands) notAbove(band.points, `điểm của ngưỡng ≥ ${formatNumberVi(band.min)}`);
      break;
    case "choice":
      if (valueKind !== "choice") issue(node, "quy tắc theo lựa chọn cần loại giá trị lựa chọn.");
      if (new Set(rule.options.map((o) => o.key)).size !== rule.options.length)
        issue(node, "các lựa chọn bị trùng mã.");
      for (const option of rule.options)
        notAbove(pointsOf(option, node.maxScore), `điểm của lựa chọn "${option.label}"`);
      break;
    case "parts":
      notAbove(
        rule.parts.reduce((s, p) => s + pointsOf(p, node.maxScore), 0),
        "tổng điểm các nội dung",
      );
      break;
    case "not_scored":
      if (node.maxScore !== 0) issue(node, "chỉ số không tính điểm phải có điểm tối đa bằng 0.");
      break;
    case "manual":
      break;
  }
}
