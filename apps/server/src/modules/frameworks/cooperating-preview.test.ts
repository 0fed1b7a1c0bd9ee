import {
  COOPERATING_PREVIEW_LIMIT,
  type TFrameworkDetail,
  type TFrameworkTransfer,
  type TIndicatorAssignment,
} from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";
import { readFrameworkWorkbook } from "./excel.ts";

// Issue 15: the framework detail lists each indicator's first cooperating units and their count; the whole list of
// one indicator comes from its assignment endpoint, and exports, clones and saves keep every unit.

let t: TTestApp;
let admin: string;
let frameworkId: string;
let indicatorId: string;
/** Every unit of the province but the lead, cooperating on indicator 6.6 of the built-in framework. */
let cooperatingIds: string[];
let leadId: string;
const ADDED_UNITS = 40;

function call(method: "GET" | "POST" | "PUT", url: string, payload?: object, cookie = admin) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

const assignmentUrl = (framework: string, indicator: string) =>
  `/api/frameworks/${framework}/indicators/${indicator}/assignment`;

async function assignment(framework = frameworkId, indicator = indicatorId): Promise<TIndicatorAssignment> {
  const res = await call("GET", assignmentUrl(framework, indicator));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  for (let n = 1; n <= ADDED_UNITS; n++) {
    const res = await call("POST", "/api/units", {
      name: `Xã Thử Nghiệm ${String(n).padStart(2, "0")}`,
      kind: "commune",
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const units: { id: string; name: string; isActive: boolean }[] = (await call("GET", "/api/units")).json();
  leadId = units.find((u) => u.name === "Văn phòng UBND tỉnh")!.id;
  cooperatingIds = units.filter((u) => u.id !== leadId).map((u) => u.id);
  const list = (await call("GET", "/api/frameworks")).json();
  frameworkId = list.find((f: { code: string }) => f.code === "DTI-TINH-2025").id;
  const detail: TFrameworkDetail = (await call("GET", `/api/frameworks/${frameworkId}`)).json();
  indicatorId = detail.indicators.find((i) => i.code === "6.6")!.id;
  const saved = await call("PUT", `/api/indicators/${indicatorId}/assignment`, {
    leadUnitId: leadId,
    cooperatingUnitIds: cooperatingIds,
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t.close());

describe("the framework detail with a long cooperating list", () => {
  it("lists the first units by name and counts them all; the assignment endpoint lists them all", async () => {
    expect(cooperatingIds.length).toBeGreaterThan(COOPERATING_PREVIEW_LIMIT + ADDED_UNITS);
    const res = await call("GET", `/api/frameworks/${frameworkId}`);
    expect(res.statusCode).toBe(200);
    const indicator = (res.json() as TFrameworkDetail).indicators.find((i) => i.id === indicatorId)!;
    expect(indicator.cooperatingCount).toBe(cooperatingIds.length);
    expect(indicator.cooperating).toHaveLength(COOPERATING_PREVIEW_LIMIT);

    const full = await assignment();
    expect(full.indicatorId).toBe(indicatorId);
    expect(full.lead?.unitId).toBe(leadId);
    expect(full.cooperating.map((c) => c.unitId).sort()).toEqual([...cooperatingIds].sort());
    // The preview is the head of the whole list, in the same order (by name).
    expect(indicator.cooperating).toEqual(full.cooperating.slice(0, COOPERATING_PREVIEW_LIMIT));

    // A short list is sent whole, its count beside it.
    const short = (res.json() as TFrameworkDetail).indicators.find((i) => i.code === "3.1")!;
    expect(short.cooperating.length).toBe(short.cooperatingCount);
    // The published framework's JSON is still kept: the same text again.
    expect((await call("GET", `/api/frameworks/${frameworkId}`)).body).toBe(res.body);
  });

  it("answers a change with the cut detail too", async () => {
    const res = await call("PUT", `/api/indicators/${indicatorId}/assignment`, {
      leadUnitId: leadId,
      cooperatingUnitIds: cooperatingIds,
    });
    const indicator = (res.json() as TFrameworkDetail).indicators.find((i) => i.id === indicatorId)!;
    expect(indicator.cooperating).toHaveLength(COOPERATING_PREVIEW_LIMIT);
    expect(indicator.cooperatingCount).toBe(cooperatingIds.length);
  });

  it("refuses the assignment of an indicator of another framework (404), and whoever may not read the framework (403)", async () => {
    const congthuong = await t.login("congthuong");
    const draft = await call(
      "POST",
      "/api/frameworks",
      { code: "SCT-NOI-BO", name: "Bộ chỉ số nội bộ Sở Công Thương", year: 2026, level: "department" },
      congthuong,
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const withIndicator = await call(
      "POST",
      `/api/frameworks/${draft.json().id}/indicators`,
      { code: "1", name: "Chỉ số thử", maxScore: 10, parentId: null },
      congthuong,
    );
    const own: TFrameworkDetail = withIndicator.json();
    const ownIndicator = own.indicators[0]!.id;
    expect((await call("GET", assignmentUrl(own.id, ownIndicator), undefined, congthuong)).statusCode).toBe(200);
    expect((await call("GET", assignmentUrl(frameworkId, ownIndicator))).statusCode).toBe(404);
    expect((await call("GET", assignmentUrl(own.id, indicatorId), undefined, congthuong)).statusCode).toBe(404);

    // The same check as the detail's: a ward's reporter reads neither.
    const nhatrang = await t.login("nhatrang");
    expect((await call("GET", `/api/frameworks/${own.id}`, undefined, nhatrang)).statusCode).toBe(403);
    expect((await call("GET", assignmentUrl(own.id, ownIndicator), undefined, nhatrang)).statusCode).toBe(403);
    // …and the province's framework they both read.
    expect((await call("GET", assignmentUrl(frameworkId, indicatorId), undefined, nhatrang)).statusCode).toBe(200);
  });
});

describe("what needs every cooperating unit", () => {
  it("exports all of them (JSON and Excel)", async () => {
    const names = (await assignment()).cooperating.map((c) => c.unitName);
    const json = await call("GET", `/api/frameworks/${frameworkId}/export?format=json`);
    expect(json.statusCode).toBe(200);
    const transfer = JSON.parse(json.body) as TFrameworkTransfer;
    expect(transfer.indicators.find((i) => i.code === "6.6")!.cooperating).toEqual(names);

    const xlsx = await call("GET", `/api/frameworks/${frameworkId}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const read = await readFrameworkWorkbook(xlsx.rawPayload);
    expect(read.transfer!.indicators.find((i) => i.code === "6.6")!.cooperating).toEqual(names);
  });

  it("copies all of them into a clone", async () => {
    const res = await call("POST", `/api/frameworks/${frameworkId}/clone`, {
      code: "DTI-TINH-2026",
      name: "Bộ chỉ số DTI cấp tỉnh năm 2026",
      year: 2026,
    });
    expect(res.statusCode, res.body).toBe(201);
    const clone: TFrameworkDetail = res.json();
    const copied = clone.indicators.find((i) => i.code === "6.6")!;
    expect(copied.cooperatingCount).toBe(cooperatingIds.length);
    const full = await assignment(clone.id, copied.id);
    expect(full.cooperating.map((c) => c.unitId).sort()).toEqual([...cooperatingIds].sort());
  });

  it("keeps every unit when the editor saves a long row with the list it loaded (a new lead)", async () => {
    const loaded = await assignment();
    const newLead = loaded.cooperating[0]!.unitId;
    const res = await call("PUT", `/api/indicators/${indicatorId}/assignment`, {
      leadUnitId: newLead,
      cooperatingUnitIds: [...loaded.cooperating.map((c) => c.unitId), leadId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await assignment();
    expect(after.lead?.unitId).toBe(newLead);
    expect(after.cooperating.map((c) => c.unitId).sort()).toEqual(
      [...cooperatingIds.filter((id) => id !== newLead), leadId].sort(),
    );
    const audit = (await call("GET", `/api/audit?entityType=indicator&entityId=${indicatorId}`)).json().items;
    expect(audit[0].before.cooperating).toHaveLength(cooperatingIds.length);
  });

  it("accepts a list longer than the old 500 bound (the units are checked, not the length)", async () => {
    const unknown = Array.from({ length: 600 }, (_, n) => `00000000-0000-4000-8000-${String(n + 1).padStart(12, "0")}`);
    const res = await call("PUT", `/api/indicators/${indicatorId}/assignment`, {
      leadUnitId: leadId,
      cooperatingUnitIds: [...cooperatingIds, ...unknown],
    });
    expect(res.statusCode).toBe(404);
    expect((await assignment()).cooperating.length).toBe(cooperatingIds.length);
  });
});
