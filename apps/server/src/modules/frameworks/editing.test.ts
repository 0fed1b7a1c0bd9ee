import type { TFrameworkDetail } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
let admin: string;
let unitIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  const units = (await t.app.inject({ method: "GET", url: "/api/units", headers: { cookie: admin } })).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
});
afterAll(() => t.close());

function call(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object, cookie = admin) {
  return t.app.inject({ method, url, headers: { cookie }, payload });
}

const leafOf = (code: string, maxScore: number, over: object = {}) => ({
  code,
  name: `Chỉ số ${code}`,
  maxScore,
  valueKind: "boolean",
  rule: { type: "yes_no", input: "value" },
  evidenceRequired: true,
  ...over,
});

async function newDraft(code: string): Promise<TFrameworkDetail> {
  const res = await call("POST", "/api/frameworks", {
    code,
    name: `Bộ chỉ số ${code}`,
    year: 2026,
    level: "department",
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const byCode = (detail: TFrameworkDetail, code: string) => detail.indicators.find((i) => i.code === code)!;

describe("building and publishing a framework", () => {
  it("builds a tree, refuses to publish while branches do not add up, then publishes", async () => {
    const draft = await newDraft("SCT-2026");
    let detail: TFrameworkDetail = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, {
        code: "1",
        name: "Chuyển đổi số nội bộ",
        maxScore: 30,
        parentId: null,
      })
    ).json();
    const mainId = byCode(detail, "1").id;
    detail = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, { ...leafOf("1.1", 10), parentId: mainId })
    ).json();
    detail = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, {
        ...leafOf("1.2", 10, {
          valueKind: "count",
          rule: {
            type: "bands",
            input: "value",
            bands: [
              { min: 4, points: 10 },
              { min: 2, points: 5 },
            ],
          },
        }),
        parentId: mainId,
      })
    ).json();
    expect(detail.maxTotal).toBe(30);

    const refused = await call("POST", `/api/frameworks/${draft.id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("Chưa ban hành được: 1 lỗi cần sửa.");
    expect(refused.json().error.details).toEqual([
      { code: "1", row: null, message: "1: tổng điểm tối đa của các chỉ số con (20) khác điểm tối đa (30)." },
    ]);

    await call("PATCH", `/api/indicators/${mainId}`, { maxScore: 20 });
    const published = await call("POST", `/api/frameworks/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", maxTotal: 20 });
  });

  it("keeps a published framework's tree fixed until it goes back to draft", async () => {
    const list = (await call("GET", "/api/frameworks")).json();
    const published = list.find((f: { code: string }) => f.code === "SCT-2026");
    const detail: TFrameworkDetail = (await call("GET", `/api/frameworks/${published.id}`)).json();
    const edit = await call("PATCH", `/api/indicators/${byCode(detail, "1.1").id}`, { maxScore: 15 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain("Bộ chỉ số đã ban hành nên không sửa được");
    expect(
      (await call("POST", `/api/frameworks/${published.id}/indicators`, { ...leafOf("1.3", 1), parentId: null }))
        .statusCode,
    ).toBe(409);
    expect((await call("DELETE", `/api/frameworks/${published.id}`)).statusCode).toBe(409);
    expect((await call("POST", `/api/frameworks/${published.id}/unpublish`)).json().status).toBe("draft");
    expect((await call("PATCH", `/api/indicators/${byCode(detail, "1.1").id}`, { name: "Đã sửa" })).statusCode).toBe(
      200,
    );
  });

  it("refuses duplicate codes, rules that promise more than the maximum (on publish), and moves into itself", async () => {
    const draft = await newDraft("DUP-2026");
    const main = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, {
        code: "1",
        name: "Một",
        maxScore: 10,
        parentId: null,
      })
    ).json();
    const mainId = byCode(main, "1").id;
    const dup = await call("POST", `/api/frameworks/${draft.id}/indicators`, {
      code: "1",
      name: "Trùng",
      maxScore: 1,
      parentId: null,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Mã chỉ số "1" đã có trong bộ chỉ số.');
    const badCode = await call("POST", `/api/frameworks/${draft.id}/indicators`, {
      code: "1 .2",
      name: "Sai",
      maxScore: 1,
      parentId: null,
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.message).toContain("Mã chỉ số có dạng 6 hoặc 6.6");
    const withChild = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, {
        ...leafOf("1.1", 10, {
          valueKind: "choice",
          rule: { type: "choice", input: "value", options: [{ key: "ct", label: "Chủ tịch", points: 12 }] },
        }),
        parentId: mainId,
      })
    ).json();
    const publish = await call("POST", `/api/frameworks/${draft.id}/publish`);
    expect(publish.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      '1.1: điểm của lựa chọn "Chủ tịch" (12) vượt điểm tối đa (10).',
    ]);
    const intoItself = await call("POST", `/api/indicators/${mainId}/move`, {
      parentId: byCode(withChild, "1.1").id,
      position: 0,
    });
    expect(intoItself.statusCode).toBe(400);
    expect(intoItself.json().error.message).toBe("Không thể chuyển chỉ số vào bên trong chính nó.");
  });

  it("moves an indicator up among its siblings and deletes a branch with its children", async () => {
    const draft = await newDraft("MOVE-2026");
    let detail: TFrameworkDetail = draft;
    for (const code of ["1", "2", "3"]) {
      detail = (
        await call("POST", `/api/frameworks/${draft.id}/indicators`, {
          code,
          name: `Nhóm ${code}`,
          maxScore: 0,
          parentId: null,
        })
      ).json();
    }
    detail = (
      await call("POST", `/api/frameworks/${draft.id}/indicators`, {
        ...leafOf("3.1", 0, { rule: { type: "not_scored" } }),
        parentId: byCode(detail, "3").id,
      })
    ).json();
    detail = (
      await call("POST", `/api/indicators/${byCode(detail, "3").id}/move`, { parentId: null, position: 0 })
    ).json();
    const roots = detail.indicators.filter((i) => i.parentId === null).sort((a, b) => a.sortOrder - b.sortOrder);
    expect(roots.map((r) => r.code)).toEqual(["3", "1", "2"]);
    detail = (await call("DELETE", `/api/indicators/${byCode(detail, "3").id}`)).json();
    expect(detail.indicators.map((i) => i.code).sort()).toEqual(["1", "2"]);
  });
});

describe("immutability once in use", () => {
  it("a framework a reporting period uses cannot go back to draft; a clone can be changed instead", async () => {
    const list = (await call("GET", "/api/frameworks")).json();
    const builtin = list.find((f: { code: string }) => f.code === "DTI-TINH-2025");
    const period = await call("POST", "/api/periods", { frameworkId: builtin.id, kind: "year", year: 2025, index: 1 });
    expect(period.statusCode).toBe(201);
    const refused = await call("POST", `/api/frameworks/${builtin.id}/unpublish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Hãy sao chép thành phiên bản mới");
    const clone = (
      await call("POST", `/api/frameworks/${builtin.id}/clone`, {
        code: "DTI-TINH-2025-V2",
        name: "DTI 2025 (sửa đổi)",
        year: 2025,
      })
    ).json();
    expect((await call("PATCH", `/api/frameworks/${clone.id}`, { legalBasis: "QĐ sửa đổi" })).statusCode).toBe(200);
  });
});

describe("bonus and penalty points", () => {
  it("saves framework-level adjustments on a draft and refuses a malformed one", async () => {
    const draft = await newDraft("ADJ-2026");
    const saved = await call("PATCH", `/api/frameworks/${draft.id}`, {
      adjustments: [
        { code: "T1", label: "Điểm thưởng mô hình hay", points: 5 },
        { code: "T2", label: "Chậm báo cáo quý", points: -2.5 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().adjustments).toEqual([
      { code: "T1", label: "Điểm thưởng mô hình hay", points: 5 },
      { code: "T2", label: "Chậm báo cáo quý", points: -2.5 },
    ]);
    expect(
      (await call("PATCH", `/api/frameworks/${draft.id}`, { adjustments: [{ code: "", label: "x", points: 1 }] }))
        .statusCode,
    ).toBe(400);
  });
});

describe("assignment", () => {
  it("sets one lead and cooperating units, ignoring the lead among cooperators, and records it", async () => {
    const list = (await call("GET", "/api/frameworks")).json();
    const builtin = list.find((f: { code: string }) => f.code === "DTI-TINH-2025");
    const detail: TFrameworkDetail = (await call("GET", `/api/frameworks/${builtin.id}`)).json();
    const target = byCode(detail, "7.3");
    const res = await call("PUT", `/api/indicators/${target.id}/assignment`, {
      leadUnitId: unitIds["Sở Công Thương"],
      cooperatingUnitIds: [unitIds["Sở Công Thương"], unitIds["Sở Tài chính"], unitIds["Sở Tài chính"]],
    });
    expect(res.statusCode).toBe(200);
    const updated = byCode(res.json(), "7.3");
    expect(updated.lead?.unitName).toBe("Sở Công Thương");
    expect(updated.cooperating.map((c) => c.unitName)).toEqual(["Sở Tài chính"]);
    const audit = (await call("GET", `/api/audit?entityType=indicator&entityId=${target.id}`)).json().items;
    expect(audit[0].action).toBe("assignment.update");
  });

  it("refuses an unknown unit and leaves the assignment as it was", async () => {
    const list = (await call("GET", "/api/frameworks")).json();
    const builtin = list.find((f: { code: string }) => f.code === "DTI-TINH-2025");
    const detail: TFrameworkDetail = (await call("GET", `/api/frameworks/${builtin.id}`)).json();
    const target = byCode(detail, "6.6");
    const res = await call("PUT", `/api/indicators/${target.id}/assignment`, {
      leadUnitId: "00000000-0000-4000-8000-000000000000",
      cooperatingUnitIds: [],
    });
    expect(res.statusCode).toBe(404);
    const after = byCode((await call("GET", `/api/frameworks/${builtin.id}`)).json(), "6.6");
    expect(after.lead?.unitName).toBe("Văn phòng UBND tỉnh");
  });
});

describe("cloning for a new year", () => {
  it("copies the tree, codes, rules and assignment into a new draft", async () => {
    const list = (await call("GET", "/api/frameworks")).json();
    const builtin = list.find((f: { code: string }) => f.code === "DTI-TINH-2025");
    const source: TFrameworkDetail = (await call("GET", `/api/frameworks/${builtin.id}`)).json();
    const res = await call("POST", `/api/frameworks/${builtin.id}/clone`, {
      code: "DTI-TINH-2026",
      name: "DTI cấp tỉnh 2026",
      year: 2026,
    });
    expect(res.statusCode).toBe(201);
    const clone: TFrameworkDetail = res.json();
    expect(clone).toMatchObject({
      status: "draft",
      year: 2026,
      maxTotal: 1000,
      clonedFromId: builtin.id,
      builtin: false,
    });
    const shape = (d: TFrameworkDetail) =>
      d.indicators
        .map((i) => ({
          code: i.code,
          parent: d.indicators.find((p) => p.id === i.parentId)?.code ?? null,
          maxScore: i.maxScore,
          rule: i.rule,
          lead: i.lead?.unitId ?? null,
          cooperating: i.cooperating.map((c) => c.unitId).sort(),
        }))
        .sort((a, b) => a.code.localeCompare(b.code));
    expect(shape(clone)).toEqual(shape(source));
    const again = await call("POST", `/api/frameworks/${builtin.id}/clone`, {
      code: "DTI-TINH-2026",
      name: "Trùng",
      year: 2026,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("who may edit frameworks", () => {
  it.each(["vpubnd", "nhatrang", "thamdinh", "lanhdao"])("%s can read but not change (403)", async (username) => {
    const cookie = await t.login(username);
    const list = (await call("GET", "/api/frameworks", undefined, cookie)).json();
    const id = list.find((f: { code: string }) => f.code === "DTI-TINH-2025").id;
    expect(
      (
        await call(
          "POST",
          "/api/frameworks",
          { code: "X-1", name: "Thử nghiệm", year: 2026, level: "province" },
          cookie,
        )
      ).statusCode,
    ).toBe(403);
    expect((await call("POST", `/api/frameworks/${id}/publish`, undefined, cookie)).statusCode).toBe(403);
    const detail: TFrameworkDetail = (await call("GET", `/api/frameworks/${id}`, undefined, cookie)).json();
    expect(
      (
        await call(
          "PUT",
          `/api/indicators/${detail.indicators[1]!.id}/assignment`,
          { leadUnitId: null, cooperatingUnitIds: [] },
          cookie,
        )
      ).statusCode,
    ).toBe(403);
  });
});
