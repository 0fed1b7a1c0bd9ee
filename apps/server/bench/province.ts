/**
 * A large province for the benchmarks, generated with bulk SQL (generate_series, INSERT … SELECT) on top of
 * the demo province: 1,000 more units, every leaf indicator of the built-in framework with its lead agency
 * and ~800 cooperating units, 8 quarters of reports (≥ 300,000) with evidence links, events and audit rows,
 * and 500 reporters each holding a draft in the open quarter with a live session (for the surge).
 * The database is reused across runs: a marker row in `settings` says it is complete.
 */
import { createHash } from "node:crypto";
import {
  DTI_PROVINCE_2025,
  defaultDeadline,
  expectedInputs,
  periodLabel,
  periodWindow,
  type TReportedValues,
} from "@chiso/core";
import { sql } from "drizzle-orm";
import { queryRows, type TDb } from "../src/db/client.ts";
import { installBuiltinFrameworks } from "../src/modules/frameworks/builtin.ts";
import { seedDemo } from "../src/seed/demo.ts";

export interface TProvinceSize {
  /** Units added to the demo province's 23. */
  units: number;
  /** Share of the added units cooperating on each leaf indicator (0..1). */
  cooperatingShare: number;
  /** Quarters of reports, ending with the open one. */
  quarters: number;
  /** Reporters with a session and a draft of their own in the open quarter. */
  surgeUsers: number;
}

export const LARGE_PROVINCE: TProvinceSize = { units: 1000, cooperatingShare: 0.8, quarters: 8, surgeUsers: 500 };

const MARKER = "bench.province";

/** The session cookie of surge user `n` (1-based); its hash is what the sessions table holds. */
export const surgeToken = (n: number) => `bench-surge-token-${String(n).padStart(4, "0")}`;

export interface TSurgeSlot {
  token: string;
  reportId: string;
  version: number;
  values: TReportedValues;
}

/** A value of the right type for each input of an indicator, so saves pass validation and score. */
function sampleValues(indicator: Parameters<typeof expectedInputs>[0], seed: number): TReportedValues {
  const values: TReportedValues = {};
  for (const [key, type] of expectedInputs(indicator)) {
    if (type === "boolean") values[key] = seed % 2 === 0;
    else if (type === "number") values[key] = 40 + (seed % 60);
    else if (indicator.rule?.type === "choice") values[key] = indicator.rule.options[0]?.key ?? null;
  }
  return values;
}

export async function isGenerated(db: TDb): Promise<boolean> {
  const rows = await queryRows<{ value: unknown }>(db, sql`select value from settings where key = ${MARKER}`);
  return rows.length > 0;
}

/** Generates the province unless the database already holds it; returns the seconds it took (0 when reused). */
export async function generateProvince(db: TDb, size: TProvinceSize, log = console.log): Promise<number> {
  if (await isGenerated(db)) return 0;
  const started = performance.now();
  const now = new Date();
  await installBuiltinFrameworks(db);
  await seedDemo(db, { now });
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const [framework] = await queryRows<{ id: string }>(
    db,
    sql`select id from frameworks where code = ${DTI_PROVINCE_2025.code}`,
  );
  if (!framework) throw new Error("built-in framework missing");
  const fw = framework.id;

  await step(`${size.units} units`, () =>
    db.execute(sql`
      insert into units (name, short_name, kind)
      select 'Đơn vị thử tải ' || lpad(g::text, 4, '0'), 'ĐV' || g,
             (array['commune','department','office','enterprise'])[1 + g % 4]
      from generate_series(1, ${size.units}) g`),
  );
  const modulo = Math.max(1, Math.round(1 / (1 - size.cooperatingShare)));
  await step("cooperating assignments", () =>
    db.execute(sql`
      insert into assignments (framework_id, indicator_id, unit_id, role)
      select ${fw}, i.id, u.id, 'cooperate'
      from indicators i
      join units u on u.name like 'Đơn vị thử tải %'
      where i.framework_id = ${fw} and i.rule is not null
        and exists (select 1 from assignments l where l.indicator_id = i.id and l.role = 'lead')
        and (hashtext(i.code || u.name) & 1023) % ${modulo} <> 0
      on conflict do nothing`),
  );

  // Quarters ending with the open one (the demo opened the current quarter).
  const current = { year: now.getUTCFullYear(), index: Math.floor(now.getUTCMonth() / 3) + 1 };
  await step(`${size.quarters} quarters`, async () => {
    for (let back = 1; back < size.quarters; back++) {
      const q = current.year * 4 + current.index - 1 - back;
      const year = Math.floor(q / 4);
      const index = (q % 4) + 1;
      const window = periodWindow("quarter", year, index);
      await db.execute(sql`
        insert into periods (framework_id, kind, year, index, label, window_start, window_end, deadline, is_closed)
        values (${fw}, 'quarter', ${year}, ${index}, ${periodLabel("quarter", year, index)}, ${window.start},
                ${window.end}, ${defaultDeadline("quarter", year, index)}, ${back > 1})
        on conflict do nothing`);
    }
  });

  const indicators = await queryRows<{
    id: string;
    value_kind: string | null;
    inputs: [];
    rule: null;
  }>(db, sql`select id, value_kind, inputs, rule from indicators where framework_id = ${fw} and rule is not null`);
  const valuesByIndicator = Object.fromEntries(
    indicators.map((i, n) => [
      i.id,
      sampleValues({ valueKind: i.value_kind as never, inputs: i.inputs, rule: i.rule }, n),
    ]),
  );
  const valuesJson = JSON.stringify(valuesByIndicator);

  // Closed quarters are final; the previous one is under review; the open one is mostly drafts.
  await step("reports", () =>
    db.execute(sql`
      insert into reports (period_id, indicator_id, unit_id, role, status, values, self_points, self_explanation,
                           appraised_points, submitted_at, created_at, updated_at)
      select p.id, a.indicator_id, a.unit_id, a.role,
             case when p.is_closed then 'final'
                  when p.deadline < now() then (array['submitted','accepted','returned','verified'])[1 + (hashtext(a.unit_id::text || p.id::text) & 3)]
                  else (array['draft','draft','draft','submitted'])[1 + (hashtext(a.unit_id::text || a.indicator_id::text) & 3)] end,
             coalesce(${valuesJson}::jsonb -> a.indicator_id::text, '{}'::jsonb),
             round((random() * i.max_score)::numeric, 2), 'Điểm tự đánh giá theo số liệu đã nhập.',
             case when p.is_closed then round((random() * i.max_score)::numeric, 2) end,
             case when p.is_closed or p.deadline < now() then p.deadline - interval '3 days' end,
             p.deadline - interval '20 days', p.deadline - interval '3 days'
      from periods p
      join assignments a on a.framework_id = p.framework_id
      join indicators i on i.id = a.indicator_id
      where p.framework_id = ${fw}
      on conflict do nothing`),
  );

  await step("documents and evidence links", async () => {
    await db.execute(sql`
      insert into documents (unit_id, sha256, size, mime_type, file_name, doc_number, issued_on, issuer, summary)
      select u.id, encode(sha256(convert_to(u.id::text || g::text, 'UTF8')), 'hex'), 120000, 'application/pdf',
             'bao-cao-' || g || '.pdf', g || '/BC-' || coalesce(u.short_name, 'ĐV'), '2025-06-30', u.name,
             'Báo cáo kết quả chuyển đổi số'
      from units u cross join generate_series(1, 2) g`);
    await db.execute(sql`
      insert into report_documents (report_id, document_id, citation)
      select r.id, d.id, 'tr. ' || (1 + (hashtext(r.id::text) & 15))
      from reports r
      join lateral (select id from documents d where d.unit_id = r.unit_id order by id limit 1) d on true
      where r.status <> 'draft' or (hashtext(r.id::text) & 3) = 0
      on conflict do nothing`);
  });

  await step("events and audit rows", async () => {
    await db.execute(sql`
      insert into report_events (report_id, at, action, from_status, to_status)
      select r.id, r.submitted_at, 'submit', 'draft', 'submitted' from reports r where r.submitted_at is not null`);
    await db.execute(sql`
      insert into report_events (report_id, at, action, from_status, to_status)
      select r.id, r.submitted_at + interval '5 days', 'finalize', 'appraised', 'final'
      from reports r where r.status = 'final'`);
    await db.execute(sql`
      insert into audit_log (at, action, entity_type, entity_id, after)
      select r.created_at, 'report.save', 'report', r.id::text, jsonb_build_object('values', r.values)
      from reports r`);
  });

  await step(`${size.surgeUsers} surge reporters with sessions and drafts`, async () => {
    const [demo] = await queryRows<{ password_hash: string }>(
      db,
      sql`select password_hash from users where username = 'nhatrang'`,
    );
    const tokens = Array.from({ length: size.surgeUsers }, (_, n) =>
      createHash("sha256")
        .update(surgeToken(n + 1))
        .digest("hex"),
    );
    await db.execute(sql`
      with bench_units as (
        select id, row_number() over (order by name) as n from units where name like 'Đơn vị thử tải %'
      )
      insert into users (username, full_name, unit_id, roles, password_hash, must_change_password)
      select 'baocao' || lpad(n::text, 4, '0'), 'Cán bộ báo cáo ' || n, id, array['unit_reporter'],
             ${demo?.password_hash ?? "x"}, false
      from bench_units where n <= ${size.surgeUsers}`);
    await db.execute(sql`
      insert into sessions (id, user_id, expires_at)
      select (${JSON.stringify(tokens)}::jsonb ->> (n - 1)::int), u.id, now() + interval '30 days'
      from (select id, row_number() over (order by username) as n from users where username like 'baocao%') u`);
    // Each reporter's own draft in the open quarter: one report of its unit, put back to draft.
    await db.execute(sql`
      update reports r set status = 'draft', submitted_at = null
      from (
        select distinct on (r.unit_id) r.id
        from reports r
        join users u on u.unit_id = r.unit_id and u.username like 'baocao%'
        join periods p on p.id = r.period_id and p.deadline > now() and not p.is_closed
        order by r.unit_id, r.indicator_id
      ) mine
      where r.id = mine.id`);
  });

  // TODO(issue 11): the assessment round (1,000 agencies × 50 criteria) once agency assessment rounds exist;
  // its tables are not built yet, so nothing is generated for them here.

  await step("analyze", () => db.execute(sql`analyze`));
  await db.execute(sql`
    insert into settings (key, value) values (${MARKER}, ${JSON.stringify({ ...size, at: now.toISOString() })}::jsonb)`);
  return (performance.now() - started) / 1000;
}

/** The surge users' own drafts: token, report, current version and the values they save. */
export async function surgeSlots(db: TDb): Promise<TSurgeSlot[]> {
  const rows = await queryRows<{ username: string; report_id: string; version: number; values: TReportedValues }>(
    db,
    sql`
      select distinct on (u.username) u.username, r.id as report_id, r.version, r.values
      from users u
      join reports r on r.unit_id = u.unit_id and r.status = 'draft'
      join periods p on p.id = r.period_id and p.deadline > now() and not p.is_closed
      where u.username like 'baocao%'
      order by u.username, r.indicator_id`,
  );
  return rows.map((r) => ({
    token: surgeToken(Number(r.username.slice("baocao".length))),
    reportId: r.report_id,
    version: r.version,
    values: r.values,
  }));
}

/** Row counts of the generated province, for the printed summary. */
export async function provinceCounts(db: TDb) {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`select (select count(*) from units) as units, (select count(*) from periods) as periods,
               (select count(*) from reports) as reports, (select count(*) from report_documents) as evidence,
               (select count(*) from report_events) as events, (select count(*) from audit_log) as audit`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
