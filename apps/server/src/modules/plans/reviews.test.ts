import type { TPlanReview, TTask } from "@chiso/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TTestApp } from "../../test/test-app.ts";

/* Seed 001: "hội nghị sơ kết đánh giá DTI 06 tháng/lần … đề xuất điều chỉnh giải pháp" — recorded, its conclusions tracked. */
let t: TTestApp;
const cookies: Record<string, string> = {};
let unitIds: Record<string, string>;
let planId: string;

const call = (who: string, method: "GET" | "POST", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });

const review = () => ({
  heldOn: "2025-07-15",
  title: "Hội nghị sơ kết đánh giá DTI 06 tháng đầu năm 2025",
  participants: "Lãnh đạo UBND tỉnh; Sở KH&CN; Sở Nội vụ; Văn phòng UBND tỉnh; các sở, ban, ngành",
  summary: "Chỉ số Nhân lực số còn thấp; dịch vụ công trực tuyến toàn trình chưa đạt mục tiêu.",
  conclusions: [
    {
      content: "Bổ sung công chức chuyên trách chuyển đổi số tại các xã, phường",
      leadUnitId: unitIds["Sở Nội vụ"],
      timeframeText: "Quý III/2025",
    },
    {
      content: "Rà soát quy trình dịch vụ công trực tuyến toàn trình",
      leadUnitId: unitIds["Văn phòng UBND tỉnh"],
      cooperatingUnitIds: [unitIds["Sở Khoa học và Công nghệ"]],
    },
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["admin", "noivu", "vpubnd", "congthuong"]) cookies[who] = await t.login(who);
  unitIds = Object.fromEntries(
    (await call("admin", "GET", "/api/units")).json().map((u: { name: string; id: string }) => [u.name, u.id]),
  );
  const plan = await call("admin", "POST", "/api/plans", {
    code: "4636/KH-UBND",
    title: "Nâng cao DTI",
    startYear: 2025,
  });
  planId = plan.json().id;
});
afterAll(() => t.close());

describe("a six-monthly review record", () => {
  it("only the plan's coordinator records it", async () => {
    expect((await call("noivu", "POST", `/api/plans/${planId}/reviews`, review())).statusCode).toBe(403);
    expect((await call("congthuong", "POST", `/api/plans/${planId}/reviews`, review())).statusCode).toBe(403);
    const empty = await call("admin", "POST", `/api/plans/${planId}/reviews`, { ...review(), conclusions: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("Vui lòng nhập ít nhất một kết luận");
  });

  it("keeps date, participants and conclusions; each conclusion is a task of its lead unit", async () => {
    const res = await call("admin", "POST", `/api/plans/${planId}/reviews`, review());
    expect(res.statusCode, res.body).toBe(201);
    const [saved]: TPlanReview[] = res.json();
    expect(saved).toMatchObject({ heldOn: "2025-07-15", participants: expect.stringContaining("Sở Nội vụ") });
    expect(saved!.conclusions.map((c) => [c.content, c.leadUnits.map((u) => u.name), c.status])).toEqual([
      ["Bổ sung công chức chuyên trách chuyển đổi số tại các xã, phường", ["Sở Nội vụ"], "not_started"],
      ["Rà soát quy trình dịch vụ công trực tuyến toàn trình", ["Văn phòng UBND tỉnh"], "not_started"],
    ]);
    const mine: TTask[] = (await call("noivu", "GET", "/api/tasks?mine=1")).json();
    const task = mine.find((x) => x.content === "Bổ sung công chức chuyên trách chuyển đổi số tại các xã, phường");
    expect(task).toMatchObject({
      sectionLabel: "Kết luận Hội nghị sơ kết đánh giá DTI 06 tháng đầu năm 2025 ngày 15/07/2025",
      timeframeText: "Quý III/2025",
      canUpdate: true,
    });
    expect(mine.some((x) => x.content.startsWith("Rà soát quy trình"))).toBe(false);
    expect((await call("vpubnd", "GET", `/api/plans/${planId}/reviews`)).json()).toHaveLength(1);
  });
});
