import { describe, expect, it } from "vitest";
import { submissionWindow } from "./deadline.ts";
import {
  allowedActions,
  nextStatus,
  type TReportActorContext,
  type TReportRole,
  type TReportStatus,
} from "./workflow.ts";

const nobody: TReportActorContext = {
  actsForUnit: false,
  leadsIndicator: false,
  isCoordinator: false,
  isAppraiser: false,
};
const reporter = { ...nobody, actsForUnit: true };
const lead = { ...nobody, leadsIndicator: true };
const coordinator = { ...nobody, isCoordinator: true, actsForUnit: true };
const appraiser = { ...nobody, isAppraiser: true };

describe("report workflow", () => {
  it.each<[TReportRole, TReportStatus, TReportActorContext, string[]]>([
    ["cooperate", "draft", reporter, ["submit"]],
    ["cooperate", "draft", lead, []],
    ["cooperate", "submitted", reporter, []],
    ["cooperate", "submitted", lead, ["accept", "return", "request_explanation"]],
    ["cooperate", "submitted", appraiser, []],
    ["cooperate", "returned", reporter, ["submit"]],
    ["cooperate", "accepted", lead, ["request_explanation"]],
    ["cooperate", "accepted", reporter, []],
    ["lead", "draft", reporter, ["submit"]],
    ["lead", "submitted", lead, []],
    ["lead", "submitted", coordinator, ["return", "request_explanation", "verify"]],
    ["lead", "submitted", appraiser, []],
    ["lead", "verified", appraiser, ["request_explanation", "appraise"]],
    ["lead", "verified", coordinator, ["request_explanation"]],
    ["lead", "appraised", appraiser, ["request_explanation", "appraise"]],
    ["lead", "appraised", coordinator, ["request_explanation", "finalize"]],
    ["lead", "final", coordinator, []],
    ["lead", "final", appraiser, []],
  ])("%s report, %s: %o may %o", (role, status, actor, expected) => {
    expect(allowedActions({ role, status }, actor)).toEqual(expected);
  });

  it("moves along the ladder", () => {
    expect(nextStatus({ role: "cooperate", status: "draft" }, "submit", reporter)).toBe("submitted");
    expect(nextStatus({ role: "cooperate", status: "submitted" }, "return", lead)).toBe("returned");
    expect(nextStatus({ role: "cooperate", status: "returned" }, "submit", reporter)).toBe("submitted");
    expect(nextStatus({ role: "cooperate", status: "submitted" }, "accept", lead)).toBe("accepted");
    expect(nextStatus({ role: "lead", status: "submitted" }, "verify", coordinator)).toBe("verified");
    expect(nextStatus({ role: "lead", status: "verified" }, "appraise", appraiser)).toBe("appraised");
    expect(nextStatus({ role: "lead", status: "appraised" }, "finalize", coordinator)).toBe("final");
    expect(nextStatus({ role: "lead", status: "verified" }, "request_explanation", appraiser)).toBe("returned");
  });

  it("never lets a reporter review or appraise", () => {
    for (const status of ["submitted", "accepted", "verified", "appraised"] as const) {
      expect(allowedActions({ role: "lead", status }, reporter)).toEqual([]);
    }
  });
});

describe("submission window", () => {
  const deadline = "2025-03-24T23:59:59+07:00";
  it.each([
    ["on the last day, Vietnam time", {}, "2025-03-24T16:00:00Z", true],
    ["one second after the deadline", {}, "2025-03-24T17:00:00Z", false],
    [
      "after the deadline with an extension",
      { extensionDeadline: "2025-03-31T23:59:59+07:00" },
      "2025-03-28T00:00:00Z",
      true,
    ],
    [
      "after the deadline with an open explanation request",
      { explanationDueAt: "2025-04-05T23:59:59+07:00" },
      "2025-04-01T00:00:00Z",
      true,
    ],
    [
      "an earlier extension does not shorten the period",
      { extensionDeadline: "2025-03-01T00:00:00+07:00" },
      "2025-03-20T00:00:00Z",
      true,
    ],
    ["a closed period", { periodClosed: true }, "2025-03-01T00:00:00Z", false],
  ])("%s", (_name, extra, now, open) => {
    expect(submissionWindow({ periodDeadline: deadline, ...extra }, now).open).toBe(open);
  });

  it("counts whole days left in Vietnam time", () => {
    expect(submissionWindow({ periodDeadline: deadline }, "2025-03-21T03:00:00Z").daysLeft).toBe(3);
    expect(submissionWindow({ periodDeadline: deadline }, "2025-03-26T03:00:00Z").daysLeft).toBe(-2);
  });
});
