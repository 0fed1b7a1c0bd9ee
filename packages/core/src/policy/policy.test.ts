import { describe, expect, it } from "vitest";
import { leadsUnit, type TActor, type TGrant, type TPath, type TRole, unitsLed } from "./actor.ts";
import { can, homePage, REFUSALS, rules, type TAction } from "./policy.ts";
import { auditScopes } from "./rules/scopes.ts";

/*
 * The permission matrix. The tree: the province; agencies A (e.g. Sở Công Thương) and B (a sibling agency);
 * offices A1 and A2 under A and B1 under B. Each actor holds one role in one place. The expectations below are
 * written as the product's rules in words, independently of the code, and every role × action × place × report
 * status combination is walked.
 */
const PATHS: Record<string, TPath> = {
  province: [],
  A: ["A"],
  A1: ["A", "A1"],
  A2: ["A", "A2"],
  B: ["B"],
  B1: ["B", "B1"],
};
type TPlace = keyof typeof PATHS;
const PLACES = Object.keys(PATHS) as TPlace[];
const ROLES_IN_SCOPE: TRole[] = ["coordinator", "appraiser", "viewer"];
const UNIT_ROLES: TRole[] = ["unit_lead", "unit_reporter"];

function actor(role: TRole, place: TPlace): TActor {
  const path = PATHS[place]!;
  const grant: TGrant = { role, scopeUnitId: path.at(-1) ?? null, scopePath: path };
  return { id: `${role}@${place}`, unitId: path.at(-1) ?? "DOST", grants: [grant] };
}
const ACTORS: TActor[] = [
  ...ROLES_IN_SCOPE.flatMap((role) => PLACES.filter((p) => p !== "A2" && p !== "B1").map((p) => actor(role, p))),
  ...UNIT_ROLES.flatMap((role) => PLACES.filter((p) => p !== "province").map((p) => actor(role, p))),
];
const roleOf = (a: TActor) => a.grants[0]!.role;
const placeOf = (a: TActor) => (a.grants[0]!.scopePath.at(-1) ?? "province") as TPlace;

/** Where a place lies seen from the actor's place. */
type TRelation = "same" | "below" | "parent" | "grandparent" | "unrelated";
function relation(from: TPlace, to: TPlace): TRelation {
  const a = PATHS[from]!;
  const b = PATHS[to]!;
  if (from === to) return "same";
  if (a.length === 0 || (b.length > a.length && b[a.length - 1] === a.at(-1))) return "below";
  if (b.length === 0 && a.length === 1) return "parent";
  if (b.length === 0) return "grandparent";
  if (a.length > b.length && a[b.length - 1] === b.at(-1)) return a.length - b.length === 1 ? "parent" : "grandparent";
  return "unrelated";
}
const overseer = (a: TActor, roles = ROLES_IN_SCOPE) => roles.includes(roleOf(a));
const covers = (a: TActor, place: TPlace) => ["same", "below"].includes(relation(placeOf(a), place));
const isMember = (a: TActor, place: TPlace) => !overseer(a) && placeOf(a) === place;
/** Whoever holds a role somewhere sees what its own place and the scope right above it own. */
const takesPart = (a: TActor, scope: TPlace) => ["same", "parent"].includes(relation(placeOf(a), scope));

/** Expected answers, in words: who sees and runs what a scope owns. */
const scopeExpectations: Partial<Record<TAction, (a: TActor, scope: TPlace) => boolean>> = {
  "dashboard.view": (a, s) => (overseer(a) && covers(a, s)) || takesPart(a, s),
  "completeness.view": (a, s) => (overseer(a) && covers(a, s)) || (roleOf(a) === "unit_lead" && takesPart(a, s)),
  "completeness.chase": (a, s) =>
    (roleOf(a) === "coordinator" && covers(a, s)) || (roleOf(a) === "unit_lead" && takesPart(a, s)),
  "framework.view": (a, s) => (overseer(a) && covers(a, s)) || takesPart(a, s),
  "plan.view": (a, s) => (overseer(a) && covers(a, s)) || takesPart(a, s),
  // named groups of units are part of what a scope owns: seen like its frameworks, kept by its coordinator
  "unitGroup.view": (a, s) => (overseer(a) && covers(a, s)) || takesPart(a, s),
  "unitGroup.manage": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "framework.edit": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "period.manage": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "plan.manage": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "plan.recordReview": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "completeness.chaseAll": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "audit.view": (a, s) => roleOf(a) === "coordinator" && covers(a, s),
  "export.scope": (a, s) => overseer(a) && covers(a, s),
  "settings.view": () => true,
  "settings.manage": (a) => roleOf(a) === "coordinator" && placeOf(a) === "province",
};

/** Who manages and sees units and accounts. */
const unitExpectations: Partial<Record<TAction, (a: TActor, unit: TPlace) => boolean>> = {
  "unit.manage": (a, u) => roleOf(a) === "coordinator" && relation(placeOf(a), u) === "below",
  "account.manage": (a, u) => roleOf(a) === "coordinator" && covers(a, u),
  "account.grant": (a, u) => roleOf(a) === "coordinator" && covers(a, u),
  "unit.view": (a, u) => {
    const parent = (PATHS[u]!.length === 1 ? "province" : PATHS[u]![0]) as TPlace;
    return (overseer(a) && covers(a, u)) || takesPart(a, parent) || isMember(a, u);
  },
  "document.read": (a, u) => isMember(a, u) || (overseer(a) && covers(a, u)),
  "document.manage": (a, u) => isMember(a, u) || (roleOf(a) === "coordinator" && covers(a, u)),
};

/** Reports: a unit's report in a cycle owned by a scope, on an indicator led by a lead unit. */
const CYCLES: { unit: TPlace; lead: TPlace; scope: TPlace }[] = [
  { unit: "A", lead: "B", scope: "province" },
  { unit: "B", lead: "A", scope: "province" },
  { unit: "A1", lead: "A2", scope: "A" },
  { unit: "B1", lead: "B", scope: "B" },
  // the lead agency's own (consolidated) report
  { unit: "A", lead: "A", scope: "province" },
  { unit: "A1", lead: "A1", scope: "A" },
];
const STATUSES = ["draft", "submitted", "verified"];
const reportExpectations: Partial<
  Record<TAction, (a: TActor, r: { unit: TPlace; lead: TPlace; scope: TPlace; status: string }) => boolean>
> = {
  "report.actFor": (a, r) =>
    isMember(a, r.unit) || (roleOf(a) === "coordinator" && (covers(a, r.unit) || covers(a, r.scope))),
  "report.read": (a, r) =>
    isMember(a, r.unit) ||
    (roleOf(a) === "coordinator" && (covers(a, r.unit) || covers(a, r.scope))) ||
    (r.status !== "draft" && (isMember(a, r.lead) || (overseer(a) && covers(a, r.scope)))),
  "report.comment": (a, r) =>
    isMember(a, r.unit) ||
    (roleOf(a) === "coordinator" && (covers(a, r.unit) || covers(a, r.scope))) ||
    (r.status !== "draft" && (isMember(a, r.lead) || (roleOf(a) === "appraiser" && covers(a, r.scope)))),
  "report.review": (a, r) => roleOf(a) === "unit_lead" && placeOf(a) === r.lead,
  "report.consolidate": (a, r) =>
    r.unit === r.lead &&
    (isMember(a, r.unit) || (roleOf(a) === "coordinator" && (covers(a, r.unit) || covers(a, r.scope)))),
  "report.verify": (a, r) => roleOf(a) === "coordinator" && covers(a, r.scope),
  "report.appraise": (a, r) => roleOf(a) === "appraiser" && covers(a, r.scope),
  "task.update": (a, r) => isMember(a, r.lead) || (roleOf(a) === "coordinator" && covers(a, r.scope)),
};

const ref = (place: TPlace) => PATHS[place]!;

/** Assessment rounds: the province's round of agencies A and B, and agency A's round of its offices. */
const ROUNDS: { scope: TPlace; group: TPlace[] }[] = [
  { scope: "province", group: ["A", "B"] },
  { scope: "A", group: ["A1", "A2"] },
];
type TRoundCase = { scope: TPlace; group: TPlace[]; unit: TPlace; published: boolean; assigned: boolean };
const assessmentExpectations: Partial<Record<TAction, (a: TActor, r: TRoundCase) => boolean>> = {
  "assessment.view": (a, r) =>
    (overseer(a) && covers(a, r.scope)) || takesPart(a, r.scope) || r.group.some((u) => isMember(a, u)),
  "assessment.manage": (a, r) => roleOf(a) === "coordinator" && covers(a, r.scope),
  "assessment.results": (a, r) =>
    (overseer(a) && covers(a, r.scope)) || (r.published && r.group.some((u) => isMember(a, u))),
  // before and after publication alike: another agency's sheet stays closed
  "assessment.readSheet": (a, r) => isMember(a, r.unit) || (overseer(a) && covers(a, r.scope)),
  "assessment.selfAssess": (a, r) => isMember(a, r.unit),
  "assessment.appraise": (a, r) =>
    (roleOf(a) === "coordinator" && covers(a, r.scope)) ||
    (roleOf(a) === "appraiser" && covers(a, r.scope) && r.assigned),
};
function assessmentResource(action: TAction, a: TActor, r: TRoundCase) {
  const scopePath = ref(r.scope);
  if (action === "assessment.readSheet" || action === "assessment.selfAssess") return { scopePath, unitId: r.unit };
  if (action === "assessment.appraise") return { scopePath, appraiserIds: r.assigned ? [a.id] : ["someone-else"] };
  return { scopePath, unitIds: r.group, published: r.published };
}

/** Every combination, generated from the tables above (the count is in the test's name). */
const CASES: { actor: TActor; action: TAction; resource: unknown; expected: boolean; label: string }[] = [];
for (const a of ACTORS) {
  for (const [action, expected] of Object.entries(scopeExpectations))
    for (const s of PLACES)
      CASES.push({
        actor: a,
        action: action as TAction,
        resource: { scopePath: ref(s) },
        expected: expected(a, s),
        label: s,
      });
  for (const [action, expected] of Object.entries(unitExpectations))
    for (const u of PLACES.filter((p) => p !== "province"))
      CASES.push({
        actor: a,
        action: action as TAction,
        resource: { unitPath: ref(u), unitId: u },
        expected: expected(a, u),
        label: u,
      });
  for (const [action, expected] of Object.entries(reportExpectations))
    for (const c of CYCLES)
      for (const status of STATUSES)
        CASES.push({
          actor: a,
          action: action as TAction,
          resource:
            action === "task.update"
              ? { scopePath: ref(c.scope), leadUnitIds: [c.lead] }
              : { unitId: c.unit, unitPath: ref(c.unit), leadUnitId: c.lead, scopePath: ref(c.scope), status },
          expected: expected(a, { ...c, status }),
          label: `${c.unit}/${c.lead}@${c.scope}:${status}`,
        });
  for (const [action, expected] of Object.entries(assessmentExpectations))
    for (const round of ROUNDS)
      for (const unit of [...round.group, ...PLACES.filter((p) => !round.group.includes(p) && p !== "province")])
        for (const published of [false, true])
          for (const assigned of [false, true]) {
            const c = { ...round, unit, published, assigned };
            CASES.push({
              actor: a,
              action: action as TAction,
              resource: assessmentResource(action as TAction, a, c),
              expected: expected(a, c),
              label: `round@${round.scope} ${unit} published=${published} assigned=${assigned}`,
            });
          }
}

describe("policy: the role × action × scope matrix", () => {
  it("has an expectation for every rule and a refusal message for every action", () => {
    const expected = new Set([
      ...Object.keys(scopeExpectations),
      ...Object.keys(unitExpectations),
      ...Object.keys(reportExpectations),
      ...Object.keys(assessmentExpectations),
    ]);
    expect([...expected].sort()).toEqual(Object.keys(rules).sort());
    for (const action of Object.keys(rules)) expect(REFUSALS[action as TAction]).toMatch(/\p{L}/u);
  });

  it(`answers all ${CASES.length} role × action × place × status combinations as the rules in words say`, () => {
    const wrong = CASES.filter((c) => can(c.actor, c.action, c.resource as never) !== c.expected).map(
      (c) => `${c.actor.id} ${c.action} ${c.label}: expected ${c.expected}`,
    );
    expect(wrong).toEqual([]);
    expect(CASES.length).toBeGreaterThan(1000);
  });

  it("starts each role on its own home page: coordination, review, to-do list or score", () => {
    const expected: Record<TRole, Record<string, string>> = {
      coordinator: { province: "coordination", A: "coordination", A1: "coordination" },
      unit_lead: { A: "review", A1: "review", B1: "review" },
      appraiser: { province: "review", A: "review" },
      unit_reporter: { A: "work", A1: "work", B1: "work" },
      viewer: { province: "score", A: "score", B1: "score" },
    };
    for (const [role, places] of Object.entries(expected)) {
      for (const [place, home] of Object.entries(places)) {
        expect(homePage(actor(role as TRole, place as TPlace)), `${role}@${place}`).toBe(home);
      }
    }
    // several roles: the busiest home wins, whatever order the grants come in
    const reporterAndViewer: TActor = {
      id: "y",
      unitId: "A1",
      grants: [
        { role: "viewer", scopeUnitId: null, scopePath: ref("province") },
        { role: "unit_reporter", scopeUnitId: "A1", scopePath: ref("A1") },
      ],
    };
    expect(homePage(reporterAndViewer)).toBe("work");
    expect(
      homePage({ ...reporterAndViewer, grants: [...reporterAndViewer.grants, actor("coordinator", "A").grants[0]!] }),
    ).toBe("coordination");
  });

  it("lists an audit log exactly where rule audit.view allows it", () => {
    for (const a of ACTORS) {
      const listed = auditScopes(a);
      for (const place of PLACES) {
        const inList = listed.some((scope) => scope.length === 0 || ref(place).includes(scope.at(-1)!));
        expect(inList, `${a.id} ${place}`).toBe(can(a, "audit.view", { scopePath: ref(place) }));
      }
    }
  });

  it("lets one person hold roles in several scopes", () => {
    const both: TActor = {
      id: "x",
      unitId: "A1",
      grants: [
        { role: "unit_reporter", scopeUnitId: "A1", scopePath: ref("A1") },
        { role: "viewer", scopeUnitId: "B1", scopePath: ref("B1") },
      ],
    };
    expect(can(both, "dashboard.view", { scopePath: ref("A") })).toBe(true);
    expect(can(both, "dashboard.view", { scopePath: ref("B1") })).toBe(true);
    expect(can(both, "document.read", { unitId: "B1", unitPath: ref("B1") })).toBe(true);
    expect(can(both, "dashboard.view", { scopePath: ref("province") })).toBe(false);
    expect(
      can(both, "report.actFor", {
        unitId: "A1",
        unitPath: ref("A1"),
        status: "draft",
        leadUnitId: null,
        scopePath: ref("A"),
      }),
    ).toBe(true);
    expect(
      can(both, "report.actFor", {
        unitId: "B1",
        unitPath: ref("B1"),
        status: "draft",
        leadUnitId: null,
        scopePath: ref("B"),
      }),
    ).toBe(false);
  });
});

describe("unitsLed", () => {
  it("lists the units an actor leads, as leadsUnit answers for each", () => {
    const grant = (role: TRole, scopeUnitId: string | null): TGrant => ({ role, scopeUnitId, scopePath: [] });
    const actor: TActor = {
      id: "u",
      unitId: "A",
      grants: [
        grant("unit_lead", "A"),
        grant("unit_reporter", "B"),
        grant("coordinator", null),
        grant("unit_lead", "C"),
      ],
    };
    expect(unitsLed(actor)).toEqual(["A", "C"]);
    expect(["A", "B", "C"].filter((id) => leadsUnit(actor, id))).toEqual(unitsLed(actor));
  });
});
