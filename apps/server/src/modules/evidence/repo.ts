import { count, desc, eq, sql } from "drizzle-orm";
import { queryRows, type TDbOrTx } from "../../db/client.ts";
import {
  assessmentEntryDocuments,
  documents,
  reportDocuments,
  taskUpdateDocuments,
  units,
  users,
} from "../../db/schema.ts";

const documentColumns = {
  id: documents.id,
  unitId: documents.unitId,
  unitName: units.name,
  unitPath: units.path,
  fileName: documents.fileName,
  size: documents.size,
  mimeType: documents.mimeType,
  sha256: documents.sha256,
  docNumber: documents.docNumber,
  issuedOn: documents.issuedOn,
  issuer: documents.issuer,
  summary: documents.summary,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  uploadedByName: users.fullName,
};

export type TDocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

function selectDocuments(db: TDbOrTx) {
  return db
    .select(documentColumns)
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .leftJoin(users, eq(users.id, documents.uploadedBy));
}

export async function findDocument(db: TDbOrTx, id: string) {
  const [row] = await selectDocuments(db).where(eq(documents.id, id));
  return row ?? null;
}

/** Newest first. */
export function listUnitDocuments(db: TDbOrTx, unitId: string) {
  return selectDocuments(db).where(eq(documents.unitId, unitId)).orderBy(desc(documents.createdAt), desc(documents.id));
}

export async function insertDocument(db: TDbOrTx, values: typeof documents.$inferInsert) {
  const [row] = await db.insert(documents).values(values).returning({ id: documents.id });
  return row!.id;
}

export async function updateDocument(db: TDbOrTx, id: string, values: Partial<typeof documents.$inferInsert>) {
  await db
    .update(documents)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(documents.id, id));
}

export async function deleteDocument(db: TDbOrTx, id: string) {
  await db.delete(documents).where(eq(documents.id, id));
}

/**
 * Locks a document row until the transaction ends and returns its sha256: a report attaching it meanwhile
 * (its foreign key check takes a share lock on the row) waits, so "not cited" stays true until the delete commits.
 */
export async function lockDocument(db: TDbOrTx, id: string) {
  const [row] = await db.select({ sha256: documents.sha256 }).from(documents).where(eq(documents.id, id)).for("update");
  return row ?? null;
}

/**
 * Serialises everything that decides whether a stored object is still needed (upload, cleanup, delete) for one
 * sha256, until the transaction ends. The class id keeps these locks apart from the migration lock.
 */
export async function lockContent(db: TDbOrTx, sha256: string) {
  await db.execute(sql`select pg_advisory_xact_lock(7272, hashtext(${sha256}))`);
}

/** How many documents share this content (they all point to one stored object). */
export async function countDocumentsWithContent(db: TDbOrTx, sha256: string) {
  const [row] = await db.select({ n: count() }).from(documents).where(eq(documents.sha256, sha256));
  return row?.n ?? 0;
}

/** How many reports cite the document as evidence. */
/** Where a document is used as evidence: by reports, progress updates of plan tasks and assessment sheets. */
export async function countCitations(db: TDbOrTx, documentId: string) {
  const [reportsRow] = await db
    .select({ n: count() })
    .from(reportDocuments)
    .where(eq(reportDocuments.documentId, documentId));
  const [tasksRow] = await db
    .select({ n: count() })
    .from(taskUpdateDocuments)
    .where(eq(taskUpdateDocuments.documentId, documentId));
  const [assessmentsRow] = await db
    .select({ n: count() })
    .from(assessmentEntryDocuments)
    .where(eq(assessmentEntryDocuments.documentId, documentId));
  return { reports: reportsRow?.n ?? 0, taskUpdates: tasksRow?.n ?? 0, assessments: assessmentsRow?.n ?? 0 };
}

/**
 * Whether a unit reviews a report citing this document: the report is its own, or a submitted report on an
 * indicator the unit leads (the lead agency reads its cooperating units' evidence).
 */
/** Whether a report these units act for or lead (once submitted) cites the document. */
export async function isCitedInReportReviewedBy(db: TDbOrTx, documentId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return false;
  const ids = sql`ARRAY[${sql.join(
    unitIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const rows = await queryRows(
    db,
    sql`
    select 1 from report_documents rd
    join reports r on r.id = rd.report_id
    where rd.document_id = ${documentId}
      and (r.unit_id = any(${ids}) or (r.status <> 'draft' and exists (
        select 1 from assignments a where a.indicator_id = r.indicator_id and a.role = 'lead' and a.unit_id = any(${ids}))))
    limit 1`,
  );
  return rows.length > 0;
}
