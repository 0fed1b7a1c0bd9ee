import type { TRound, TSheet } from "@chiso/core";
import { agencyFramework500 } from "../../seed/agency-framework.ts";
import { multipartBody } from "../../test/multipart.ts";
import type { TTestApp } from "../../test/test-app.ts";

/* Builds an assessment round through the API, as a coordinator and the agencies would (tests only). */

export async function call<T = unknown>(
  t: TTestApp,
  cookie: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as T) : (undefined as T) };
}

/** Imports and publishes the 500-point department framework; returns its id and indicator ids by code. */
export async function publishAgencyFramework(t: TTestApp, admin: string, code = "CDS-SBN-2025") {
  const imported = await call<{ id: string; indicators: { id: string; code: string }[] }>(
    t,
    admin,
    "POST",
    "/api/frameworks/import",
    { transfer: agencyFramework500(code, 2025) },
  );
  if (imported.status !== 201) throw new Error(`import: ${JSON.stringify(imported.body)}`);
  const published = await call(t, admin, "POST", `/api/frameworks/${imported.body.id}/publish`);
  if (published.status !== 200) throw new Error(`publish framework: ${JSON.stringify(published.body)}`);
  return { frameworkId: imported.body.id, ids: new Map(imported.body.indicators.map((i) => [i.code, i.id])) };
}

export async function unitIdsByName(t: TTestApp, admin: string) {
  const units = await call<{ id: string; name: string }[]>(t, admin, "GET", "/api/units");
  return new Map(units.body.map((u) => [u.name, u.id]));
}

export async function createRound(
  t: TTestApp,
  admin: string,
  frameworkId: string,
  unitIds: string[],
  overrides: Record<string, unknown> = {},
) {
  const res = await call<TRound>(t, admin, "POST", "/api/assessment-rounds", {
    name: "Đánh giá chuyển đổi số sở, ban, ngành năm 2025",
    year: 2025,
    frameworkId,
    groupName: "Sở, ban, ngành cấp tỉnh",
    unitIds,
    selfStart: "2025-06-01",
    selfDeadline: "2025-06-30T23:59:59+07:00",
    appraisalStart: "2025-07-01",
    appraisalEnd: "2025-07-31",
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`round: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A one-page PDF; `label` varies its content. */
export function pdf(label: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
  ];
  let body = `%PDF-1.4\n% ${label}\n`;
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Uploads a document for the user's own unit; returns its id. */
export async function uploadDocument(t: TTestApp, cookie: string, label: string) {
  const body = multipartBody(
    { name: `${label}.pdf`, content: pdf(label), type: "application/pdf" },
    { docNumber: `${label}/QĐ-SNV`, issuedOn: "15/03/2025", summary: `Quyết định ${label}` },
  );
  const res = await t.app.inject({
    method: "POST",
    url: "/api/documents",
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.body}`);
  return (JSON.parse(res.body) as { id: string }).id;
}

export function saveEntry(
  t: TTestApp,
  cookie: string,
  roundId: string,
  unitId: string,
  indicatorId: string,
  entry: {
    values?: Record<string, unknown>;
    proposedPoints?: number | null;
    explanation?: string;
    documentIds?: string[];
  },
) {
  return call<TSheet>(
    t,
    cookie,
    "PUT",
    `/api/assessment-rounds/${roundId}/sheets/${unitId}/entries/${indicatorId}`,
    entry,
  );
}
