import type { TFrameworkDetail, TFrameworkTransfer, TImportPreview, TNamedUnitGroup } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipartBody } from "../../test/multipart.ts";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;
let builtinId: string;

type TMethod = "GET" | "POST" | "PUT" | "DELETE";
const call = (who: string, method: TMethod, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu", "lanhdao"]) cookies[who] = await t.login(who);
  const units = (await call("admin", "GET", "/api/units")).json();
  unitIds = Object.fromEntries(units.map((u: { name: string; id: string }) => [u.name, u.id]));
  builtinId = (await call("admin", "GET", "/api/frameworks")).json()[0].id;
});
afterAll(() => t.close());

describe("named groups of units", () => {
  let group: TNamedUnitGroup;

  it("the province's coordinator creates a group; others are refused, bad input is refused in Vietnamese", async () => {
    const body = { name: "Sở, ban, ngành", unitIds: [unitIds["Công an tỉnh"], unitIds["Sở Nội vụ"]] };
    const refused = await call("noivu", "POST", "/api/unit-groups", body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("Chỉ cơ quan thường trực của phạm vi được tạo, sửa, xóa nhóm đơn vị.");
    const empty = await call("admin", "POST", "/api/unit-groups", { name: "Nhóm trống", unitIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Vui lòng chọn ít nhất một đơn vị của nhóm");

    const res = await call("admin", "POST", "/api/unit-groups", body);
    expect(res.statusCode, res.body).toBe(201);
    group = res.json();
    expect(group).toMatchObject({ name: "Sở, ban, ngành", ownerUnitId: null, canManage: true });
    expect(group.members.map((m) => m.name).sort()).toEqual(["Công an tỉnh", "Sở Nội vụ"]);

    const twice = await call("admin", "POST", "/api/unit-groups", { ...body, name: "sở, ban, ngành" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Đã có nhóm đơn vị "sở, ban, ngành".');
    // leaders of the province see it, read-only
    const seen: TNamedUnitGroup[] = (await call("lanhdao", "GET", "/api/unit-groups")).json();
    expect(seen).toMatchObject([{ id: group.id, canManage: false }]);
  });

  it("an imported framework's group text assigns the group's members, Công an tỉnh included", async () => {
    const exported = await call("admin", "GET", `/api/frameworks/${builtinId}/export?format=json`);
    const transfer: TFrameworkTransfer = JSON.parse(exported.body);
    transfer.framework.code = "DTI-NHOM-2025";
    const i41 = transfer.indicators.find((i) => i.code === "4.1")!;
    i41.cooperating = ["Các sở, ban, ngành"];

    const body = multipartBody({ name: "dti-nhom.json", content: Buffer.from(JSON.stringify(transfer)) });
    const preview = await t.app.inject({
      method: "POST",
      url: "/api/frameworks/import/preview",
      headers: { cookie: cookies.admin!, ...body.headers },
      payload: body.payload,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const checked: TImportPreview = preview.json();
    expect(checked.unmatched).toEqual([]);
    expect(checked.groups["Các sở, ban, ngành"]?.sort()).toEqual(
      [unitIds["Công an tỉnh"], unitIds["Sở Nội vụ"]].sort(),
    );

    const saved = await call("admin", "POST", "/api/frameworks/import", { transfer, unitResolutions: {} });
    expect(saved.statusCode, saved.body).toBe(201);
    const detail: TFrameworkDetail = saved.json();
    const assigned = detail.indicators.find((i) => i.code === "4.1")!;
    expect(assigned.lead?.unitName).toBe("Sở Nội vụ");
    // the lead is not also its own cooperating unit
    expect(assigned.cooperating.map((c) => c.unitName)).toEqual(["Công an tỉnh"]);
  });

  it("the coordinator edits the members and deletes the group", async () => {
    const edited = await call("admin", "PUT", `/api/unit-groups/${group.id}`, {
      name: "Sở, ban, ngành tỉnh",
      unitIds: [unitIds["Công an tỉnh"], unitIds["Văn phòng UBND tỉnh"]],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as TNamedUnitGroup).members.map((m) => m.name).sort()).toEqual([
      "Công an tỉnh",
      "Văn phòng UBND tỉnh",
    ]);
    expect((await call("noivu", "DELETE", `/api/unit-groups/${group.id}`)).statusCode).toBe(403);
    expect((await call("admin", "DELETE", `/api/unit-groups/${group.id}`)).statusCode).toBe(204);
    expect((await call("admin", "GET", "/api/unit-groups")).json()).toEqual([]);
  });
});
