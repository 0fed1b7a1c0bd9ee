import type { TRoundResults, TVisibleScopes } from "@chiso/core";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { TDbOrTx } from "../../db/client.ts";
import {
  assessmentAdjustments,
  assessmentAgencies,
  assessmentAppraisers,
  assessmentEntries,
  assessmentEntryDocuments,
  assessmentPublications,
  assessmentRequests,
  assessmentRounds,
  documents,
  frameworks,
  units,
  userRoles,
} from "../../db/schema.ts";
import { ownerVisible } from "../../db/scope-sql.ts";

/* The only SQL of assessment rounds. */

const roundColumns = {
  id: assessmentRounds.id,
  name: assessmentRounds.name,
  year: assessmentRounds.year,
  ownerUnitId: assessmentRounds.ownerUnitId,
  ownerPath: sql<string[]>`coalesce(${units.path}, '{}'::uuid[])`,
  frameworkId: assessmentRounds.frameworkId,
  frameworkName: frameworks.name,
  groupName: assessmentRounds.groupName,
  gradeBands: assessmentRounds.gradeBands,
  selfStart: assessmentRounds.selfStart,
  selfDeadline: assessmentRounds.selfDeadline,
  appraisalStart: assessmentRounds.appraisalStart,
  appraisalEnd: assessmentRounds.appraisalEnd,
  status: assessmentRounds.status,
};
export type TRoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

function selectRounds(db: TDbOrTx) {
  return db
    .select(roundColumns)
    .from(assessmentRounds)
    .innerJoin(frameworks, eq(frameworks.id, assessmentRounds.frameworkId))
    .leftJoin(units, eq(units.id, assessmentRounds.ownerUnitId));
}

export async function findRound(db: TDbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  if (options.forUpdate)
    await db
      .select({ id: assessmentRounds.id })
      .from(assessmentRounds)
      .where(eq(assessmentRounds.id, id))
      .for("update");
  const [row] = await selectRounds(db).where(eq(assessmentRounds.id, id));
  return row ?? null;
}

/**
 * The latest published round before `year` of the same owner and the same agency group (by name), for the change
 * against last year.
 */
export async function findPreviousPublished(
  db: TDbOrTx,
  round: { ownerUnitId: string | null; groupName: string; year: number },
) {
  const [row] = await db
    .select({
      id: assessmentRounds.id,
      name: assessmentRounds.name,
      year: assessmentRounds.year,
      gradeBands: assessmentRounds.gradeBands,
    })
    .from(assessmentRounds)
    .where(
      and(
        sql`${assessmentRounds.ownerUnitId} is not distinct from ${round.ownerUnitId}`,
        eq(assessmentRounds.groupName, round.groupName),
        sql`${assessmentRounds.year} < ${round.year}`,
        eq(assessmentRounds.status, "published"),
      ),
    )
    .orderBy(desc(assessmentRounds.year), desc(assessmentRounds.createdAt))
    .limit(1);
  return row ?? null;
}

/** Every earlier published round of the same owner and group (the rule of the previous round), oldest first. */
export function listEarlierPublished(
  db: TDbOrTx,
  round: { ownerUnitId: string | null; groupName: string; year: number },
) {
  return db
    .select({ id: assessmentRounds.id, year: assessmentRounds.year, gradeBands: assessmentRounds.gradeBands })
    .from(assessmentRounds)
    .where(
      and(
        sql`${assessmentRounds.ownerUnitId} is not distinct from ${round.ownerUnitId}`,
        eq(assessmentRounds.groupName, round.groupName),
        sql`${assessmentRounds.year} < ${round.year}`,
        eq(assessmentRounds.status, "published"),
      ),
    )
    .orderBy(asc(assessmentRounds.year), asc(assessmentRounds.createdAt));
}

/** Rounds of the scopes a user sees, and rounds whose group holds one of the user's units. */
export function listRounds(db: TDbOrTx, visible: TVisibleScopes, memberUnitIds: readonly string[]) {
  const member =
    memberUnitIds.length > 0
      ? sql`exists (select 1 from assessment_agencies aa where aa.round_id = ${assessmentRounds.id}
          and aa.unit_id in (${sql.join(
            memberUnitIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}))`
      : sql`false`;
  return selectRounds(db)
    .where(sql`(${ownerVisible(assessmentRounds.ownerUnitId, units.path, visible)} or ${member})`)
    .orderBy(desc(assessmentRounds.year), asc(assessmentRounds.name));
}

export async function insertRound(db: TDbOrTx, values: typeof assessmentRounds.$inferInsert) {
  const [row] = await db.insert(assessmentRounds).values(values).returning({ id: assessmentRounds.id });
  return row!.id;
}

export async function updateRound(db: TDbOrTx, id: string, values: Partial<typeof assessmentRounds.$inferInsert>) {
  await db
    .update(assessmentRounds)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(assessmentRounds.id, id));
}

export async function insertAgencies(db: TDbOrTx, roundId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return;
  await db.insert(assessmentAgencies).values(unitIds.map((unitId) => ({ roundId, unitId })));
}

const agencyColumns = {
  roundId: assessmentAgencies.roundId,
  unitId: assessmentAgencies.unitId,
  unitName: units.name,
  unitPath: units.path,
  status: assessmentAgencies.status,
  submittedAt: assessmentAgencies.submittedAt,
  extendedDeadline: assessmentAgencies.extendedDeadline,
  extensionReason: assessmentAgencies.extensionReason,
  version: assessmentAgencies.version,
};
export type TAgencyRow = Awaited<ReturnType<typeof listAgencies>>[number];

export function listAgencies(db: TDbOrTx, roundIds: readonly string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .select(agencyColumns)
    .from(assessmentAgencies)
    .innerJoin(units, eq(units.id, assessmentAgencies.unitId))
    .where(inArray(assessmentAgencies.roundId, [...roundIds]))
    .orderBy(asc(units.name));
}

/** One agency of a round, its row locked until the transaction ends (submit, recall and saves queue up). */
export async function findAgency(db: TDbOrTx, roundId: string, unitId: string, options: { forUpdate?: boolean } = {}) {
  const where = and(eq(assessmentAgencies.roundId, roundId), eq(assessmentAgencies.unitId, unitId));
  if (options.forUpdate)
    await db.select({ v: assessmentAgencies.version }).from(assessmentAgencies).where(where).for("update");
  const [row] = await db
    .select(agencyColumns)
    .from(assessmentAgencies)
    .innerJoin(units, eq(units.id, assessmentAgencies.unitId))
    .where(where);
  return row ?? null;
}

export async function updateAgency(
  db: TDbOrTx,
  roundId: string,
  unitId: string,
  values: Partial<typeof assessmentAgencies.$inferInsert>,
) {
  await db
    .update(assessmentAgencies)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(assessmentAgencies.roundId, roundId), eq(assessmentAgencies.unitId, unitId)));
}

const entryColumns = {
  id: assessmentEntries.id,
  unitId: assessmentEntries.unitId,
  indicatorId: assessmentEntries.indicatorId,
  values: assessmentEntries.values,
  proposedPoints: assessmentEntries.proposedPoints,
  explanation: assessmentEntries.explanation,
  appraisedPoints: assessmentEntries.appraisedPoints,
  appraisalReason: assessmentEntries.appraisalReason,
};
export type TEntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/** A round's entries, of one agency or all. */
export function listEntries(db: TDbOrTx, roundId: string, filter: { unitId?: string; indicatorId?: string } = {}) {
  return db
    .select(entryColumns)
    .from(assessmentEntries)
    .where(
      and(
        eq(assessmentEntries.roundId, roundId),
        filter.unitId ? eq(assessmentEntries.unitId, filter.unitId) : undefined,
        filter.indicatorId ? eq(assessmentEntries.indicatorId, filter.indicatorId) : undefined,
      ),
    );
}

export async function findEntry(db: TDbOrTx, roundId: string, unitId: string, indicatorId: string) {
  const [row] = await listEntries(db, roundId, { unitId, indicatorId });
  return row ?? null;
}

/** Creates the entry or changes the fields given; returns its id. */
export async function upsertEntry(
  db: TDbOrTx,
  key: { roundId: string; unitId: string; indicatorId: string },
  values: Partial<typeof assessmentEntries.$inferInsert>,
) {
  const [row] = await db
    .insert(assessmentEntries)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [assessmentEntries.roundId, assessmentEntries.unitId, assessmentEntries.indicatorId],
      set: { ...values, updatedAt: new Date() },
    })
    .returning({ id: assessmentEntries.id });
  return row!.id;
}

export function listEntryDocuments(db: TDbOrTx, entryIds: readonly string[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      entryId: assessmentEntryDocuments.entryId,
      id: documents.id,
      fileName: documents.fileName,
      docNumber: documents.docNumber,
      issuedOn: documents.issuedOn,
      summary: documents.summary,
    })
    .from(assessmentEntryDocuments)
    .innerJoin(documents, eq(documents.id, assessmentEntryDocuments.documentId))
    .where(inArray(assessmentEntryDocuments.entryId, [...entryIds]))
    .orderBy(asc(documents.issuedOn), asc(documents.fileName));
}

/** How many documents each entry of a round cites (one grouped query, not a list of 50,000 ids). */
export async function countRoundDocuments(db: TDbOrTx, roundId: string) {
  const rows = await db
    .select({ entryId: assessmentEntryDocuments.entryId, n: sql<number>`count(*)::int` })
    .from(assessmentEntryDocuments)
    .innerJoin(assessmentEntries, eq(assessmentEntries.id, assessmentEntryDocuments.entryId))
    .where(eq(assessmentEntries.roundId, roundId))
    .groupBy(assessmentEntryDocuments.entryId);
  return new Map(rows.map((r) => [r.entryId, r.n]));
}

export async function replaceEntryDocuments(db: TDbOrTx, entryId: string, documentIds: readonly string[]) {
  await db.delete(assessmentEntryDocuments).where(eq(assessmentEntryDocuments.entryId, entryId));
  await addEntryDocuments(db, entryId, documentIds);
  await touchEntry(db, entryId);
}

export async function addEntryDocuments(db: TDbOrTx, entryId: string, documentIds: readonly string[]) {
  if (documentIds.length === 0) return;
  await db
    .insert(assessmentEntryDocuments)
    .values([...new Set(documentIds)].map((documentId) => ({ entryId, documentId })))
    .onConflictDoNothing();
  await touchEntry(db, entryId);
}

/** A change of an entry's evidence is a change of the entry: its score may move (the results stamp reads this). */
async function touchEntry(db: TDbOrTx, entryId: string) {
  await db.update(assessmentEntries).set({ updatedAt: new Date() }).where(eq(assessmentEntries.id, entryId));
}

/**
 * What a round's live results and its agency list depend on, as one text: the round and its framework rows, its
 * entries and its agencies (count, newest change and the sum of every change time, so two changes committed out of
 * order still move it), their units (names, paths), its bonus and penalty rows. Reads indexes only for the entries
 * (`assessment_entries_round_updated_idx`). Null when there is no such round.
 */
export async function findResultsStamp(db: TDbOrTx, roundId: string) {
  const [row] = await db
    .select({
      key: sql<string>`concat_ws('|', ${assessmentRounds.updatedAt}::text, ${frameworks.updatedAt}::text,
        (select max(i.updated_at)::text from indicators i where i.framework_id = ${assessmentRounds.frameworkId}),
        (select count(*) || ':' || coalesce(max(e.updated_at)::text, '') || ':'
            || coalesce(sum(extract(epoch from e.updated_at))::text, '')
          from assessment_entries e where e.round_id = ${assessmentRounds.id}),
        (select count(*) || ':' || coalesce(max(a.updated_at)::text, '') || ':'
            || coalesce(sum(extract(epoch from a.updated_at))::text, '') || ':' || coalesce(max(u.updated_at)::text, '')
          from assessment_agencies a join units u on u.id = a.unit_id where a.round_id = ${assessmentRounds.id}),
        (select count(*) || ':' || coalesce(max(j.created_at)::text, '')
          from assessment_adjustments j where j.round_id = ${assessmentRounds.id}))`,
    })
    .from(assessmentRounds)
    .innerJoin(frameworks, eq(frameworks.id, assessmentRounds.frameworkId))
    .where(eq(assessmentRounds.id, roundId));
  return row?.key ?? null;
}

/** Which of these documents were uploaded somewhere in the agency's subtree (the agency or its offices). */
export async function documentsWithinAgency(db: TDbOrTx, agencyId: string, documentIds: readonly string[]) {
  if (documentIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .where(and(inArray(documents.id, [...documentIds]), sql`${agencyId}::uuid = any(${units.path})`));
  return new Set(rows.map((r) => r.id));
}

export function listAppraisers(db: TDbOrTx, roundId: string) {
  return db
    .select({ userId: assessmentAppraisers.userId, indicatorId: assessmentAppraisers.indicatorId })
    .from(assessmentAppraisers)
    .where(eq(assessmentAppraisers.roundId, roundId));
}

export async function insertAppraisers(db: TDbOrTx, roundId: string, userId: string, indicatorIds: readonly string[]) {
  await db
    .insert(assessmentAppraisers)
    .values([...new Set(indicatorIds)].map((indicatorId) => ({ roundId, userId, indicatorId })))
    .onConflictDoNothing();
}

/** Whether the user holds the council role over a scope containing `scopePath` (root last; [] = the province). */
export async function holdsAppraiserRole(db: TDbOrTx, userId: string, scopePath: readonly string[]) {
  const rows = await db
    .select({ scopeUnitId: userRoles.scopeUnitId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, "appraiser")));
  return rows.some((r) => r.scopeUnitId === null || scopePath.includes(r.scopeUnitId));
}

export function listRequests(db: TDbOrTx, entryIds: readonly string[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(assessmentRequests)
    .where(inArray(assessmentRequests.entryId, [...entryIds]))
    .orderBy(asc(assessmentRequests.createdAt));
}

export async function findRequest(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({
      request: assessmentRequests,
      roundId: assessmentEntries.roundId,
      unitId: assessmentEntries.unitId,
      indicatorId: assessmentEntries.indicatorId,
    })
    .from(assessmentRequests)
    .innerJoin(assessmentEntries, eq(assessmentEntries.id, assessmentRequests.entryId))
    .where(eq(assessmentRequests.id, id))
    .for("update", { of: assessmentRequests });
  return row ?? null;
}

export async function insertRequest(db: TDbOrTx, values: typeof assessmentRequests.$inferInsert) {
  const [row] = await db.insert(assessmentRequests).values(values).returning({ id: assessmentRequests.id });
  return row!.id;
}

export async function updateRequest(db: TDbOrTx, id: string, values: Partial<typeof assessmentRequests.$inferInsert>) {
  await db.update(assessmentRequests).set(values).where(eq(assessmentRequests.id, id));
}

export function listAdjustments(db: TDbOrTx, roundId: string) {
  return db
    .select({
      id: assessmentAdjustments.id,
      unitId: assessmentAdjustments.unitId,
      points: assessmentAdjustments.points,
      reason: assessmentAdjustments.reason,
    })
    .from(assessmentAdjustments)
    .where(eq(assessmentAdjustments.roundId, roundId))
    .orderBy(asc(assessmentAdjustments.createdAt));
}

export async function insertAdjustment(db: TDbOrTx, values: typeof assessmentAdjustments.$inferInsert) {
  await db.insert(assessmentAdjustments).values(values);
}

export type TPublicationRow = Awaited<ReturnType<typeof listPublications>>[number];

/** The publications of rounds, oldest version first, without their results (see findPublicationResults). */
export function listPublications(db: TDbOrTx, roundIds: readonly string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      roundId: assessmentPublications.roundId,
      version: assessmentPublications.version,
      decisionNumber: assessmentPublications.decisionNumber,
      decisionDate: assessmentPublications.decisionDate,
      reason: assessmentPublications.reason,
      publishedAt: assessmentPublications.publishedAt,
    })
    .from(assessmentPublications)
    .where(inArray(assessmentPublications.roundId, [...roundIds]))
    .orderBy(asc(assessmentPublications.version));
}

/** The frozen results of one published version (never changed once written). */
export async function findPublicationResults(db: TDbOrTx, roundId: string, version: number) {
  const [row] = await db
    .select({ results: assessmentPublications.results })
    .from(assessmentPublications)
    .where(and(eq(assessmentPublications.roundId, roundId), eq(assessmentPublications.version, version)));
  return row?.results ?? null;
}

export async function insertPublication(
  db: TDbOrTx,
  values: {
    roundId: string;
    version: number;
    decisionNumber: string;
    decisionDate: string;
    reason: string | null;
    results: TRoundResults;
    publishedBy: string;
    publishedAt: Date;
  },
) {
  await db.insert(assessmentPublications).values(values);
}
