import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { UTC_TIMESTAMP, type Sql } from '~/db/sql-transaction.server'
import { CHANGED_MEANWHILE } from '~/justifications/transition.server'
import { DOCUMENTS_FROZEN } from './documents-frozen'

export { DOCUMENTS_FROZEN }

const EDITABLE = ['DRAFT', 'CHANGES_REQUESTED'] as const

export type DocumentsFailure =
  | { ok: false; kind: 'NOT_FOUND'; message: string }
  | { ok: false; kind: 'REFUSED'; message: string }
  | { ok: false; kind: 'CONFLICT'; message: string }
  | { ok: false; kind: 'INVALID'; message: string; fieldErrors: Record<string, string[]> }
  /** The file store failed (e.g. an object store that does not answer): nothing was stored. */
  | { ok: false; kind: 'UNAVAILABLE'; message: string }

/** The justification as a change of its documents needs it, or why that change is refused now. */
export async function documentsMayChange(db: Database, { justificationId, requesterId, rowVersion }: { justificationId: string; requesterId: string; rowVersion?: number | undefined }) {
  const row = await db.justification.findUnique({ where: { id: justificationId }, select: { id: true, requesterId: true, status: true, rowVersion: true } })
  if (!row) return { ok: false, kind: 'NOT_FOUND', message: message('forms:documents.noJustification') } as const
  if (row.requesterId !== requesterId) return { ok: false, kind: 'REFUSED', message: message('forms:documents.notRequester') } as const
  if (!(EDITABLE as readonly string[]).includes(row.status)) return { ok: false, kind: 'CONFLICT', message: DOCUMENTS_FROZEN } as const
  if (rowVersion !== undefined && row.rowVersion !== rowVersion) return { ok: false, kind: 'CONFLICT', message: CHANGED_MEANWHILE } as const
  return { ok: true, rowVersion: row.rowVersion } as const
}

/** Thrown inside the transaction when the guard finds the justification changed: everything rolls back. */
export class DocumentsChangedMeanwhile extends Error {}

/**
 * The first write of a change of documents: bumps the justification's version only if it is still
 * editable and still at the version read. A submission that raced the change then fails on its own
 * guard (its version is gone), and a change that raced a submission finds nothing to update and rolls
 * back, so what a submission covers is never a set of documents it did not see.
 */
export async function claimEditableJustification(sql: Sql, justificationId: string, rowVersion: number, now: Date) {
  const claimed = await sql.query(
    `UPDATE "Justification" SET "rowVersion" = "rowVersion" + 1, "updatedAt" = ${UTC_TIMESTAMP('$4')}
     WHERE "id" = $1 AND "status"::text = ANY($2::text[]) AND "rowVersion" = $3`,
    [justificationId, [...EDITABLE], rowVersion, now.toISOString()],
  )
  if (claimed.rowCount === 0) throw new DocumentsChangedMeanwhile()
}

/** After a lost race: frozen if it was submitted meanwhile, else changed in some other way. */
export async function lostRace(db: Database, justificationId: string): Promise<DocumentsFailure> {
  const row = await db.justification.findUnique({ where: { id: justificationId }, select: { status: true } })
  const frozen = row && !(EDITABLE as readonly string[]).includes(row.status)
  return { ok: false, kind: 'CONFLICT', message: frozen ? message('forms:documents.frozenMeanwhile') : CHANGED_MEANWHILE }
}
