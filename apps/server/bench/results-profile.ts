// Where the time of the live results goes (issue 15): reading, scoring, encoding. Not part of the bench run.
// BENCH_DATABASE_URL=… node --import tsx bench/results-profile.ts
import { buildTree, roundResults, scoreEntry, type TTree, ZRoundResults } from "@chiso/core";
import { eq } from "drizzle-orm";
import { openDatabase } from "../src/db/client.ts";
import { assessmentRounds } from "../src/db/schema.ts";
import * as repo from "../src/modules/assessments/repo.ts";
import { listIndicators } from "../src/modules/frameworks/repo.ts";
import { BENCH_ROUND } from "./province.ts";

const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL! });
const db = database.db;
const [round] = await db
  .select({ id: assessmentRounds.id })
  .from(assessmentRounds)
  .where(eq(assessmentRounds.name, BENCH_ROUND));
const id = round!.id;
const time = async <T>(_label: string, f: () => Promise<T> | T, log: (ms: number) => void): Promise<T> => {
  const start = performance.now();
  const value = await f();
  log(performance.now() - start);
  return value;
};
for (let run = 0; run < 3; run++) {
  const t: Record<string, number> = {};
  const row = await time(
    "round",
    () => repo.findRound(db, id),
    (ms) => (t.round = ms),
  );
  const agencies: repo.TAgencyRow[] = await time(
    "agencies",
    async () => (await repo.listAgencies(db, [id])) as repo.TAgencyRow[],
    (ms) => (t.agencies = ms),
  );
  const rows = await time(
    "indicators",
    () => listIndicators(db, row!.frameworkId),
    (ms) => (t.indicators = ms),
  );
  const entries = await time(
    "entries",
    () => repo.listEntries(db, id),
    (ms) => (t.entries = ms),
  );
  const docCount = await time(
    "docs",
    () => repo.countRoundDocuments(db, id),
    (ms) => (t.documentCounts = ms),
  );
  const adjustments = await time(
    "adj",
    () => repo.listAdjustments(db, id),
    (ms) => (t.adjustments = ms),
  );
  const stamp = await time(
    "stamp",
    () => repo.findResultsStamp(db, id),
    (ms) => (t.stamp = ms),
  );
  const results = await time(
    "scoring",
    () => {
      const tree = buildTree(rows);
      const criteria: TTree<(typeof rows)[number]>[] = [];
      const walk = (n: TTree<(typeof rows)[number]>) => {
        if (n.children.length === 0) criteria.push(n);
        n.children.forEach(walk);
      };
      tree.forEach(walk);
      const toNode = (
        n: TTree<(typeof rows)[number]>,
      ): { code: string; name: string; maxScore: number; children: never[] } => ({
        code: n.code,
        name: n.name,
        maxScore: n.maxScore,
        children: n.children.map(toNode) as never[],
      });
      const byKey = new Map(entries.map((e) => [`${e.unitId}|${e.indicatorId}`, e]));
      const scoringStart = performance.now();
      const agencyScores = agencies.map((agency) => {
        const scores = criteria.map((c) => {
          const entry = byKey.get(`${agency.unitId}|${c.id}`);
          return scoreEntry(
            {
              code: c.code,
              maxScore: c.maxScore,
              rule: c.rule,
              evidenceRequired: c.evidenceRequired,
              unitLabel: c.unitOfMeasure,
            },
            entry ? { ...entry, documentCount: docCount.get(entry.id) ?? 0 } : undefined,
          );
        });
        return {
          unitId: agency.unitId,
          unitName: agency.unitName,
          self: scores.map((s) => s.self),
          final: scores.map((s) => s.final),
          adjustments: adjustments.filter((a) => a.unitId === agency.unitId),
        };
      });
      t.scoreEntries = performance.now() - scoringStart;
      const rankStart = performance.now();
      const out = roundResults({
        tree: tree.map(toNode),
        criteria: criteria.map((c) => ({
          code: c.code,
          name: c.name,
          maxScore: c.maxScore,
          mainCode: c.code.split(".")[0]!,
        })),
        bands: row!.gradeBands,
        agencies: agencyScores,
      });
      t.aggregateRank = performance.now() - rankStart;
      return out;
    },
    (ms) => (t.scoringTotal = ms),
  );
  const json = await time(
    "json",
    () => JSON.stringify(ZRoundResults.parse(results)),
    (ms) => (t.zodAndJson = ms),
  );
  t.bytes = json.length;
  console.log(
    JSON.stringify({
      run,
      entries: entries.length,
      agencies: agencies.length,
      stampKey: stamp?.slice(0, 40),
      ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])),
    }),
  );
}
await database.close();
