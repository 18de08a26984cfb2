import { appendAuditEventWithSql } from '~/audit/audit.server'
import { message } from '~/i18n/message'
import type { Database } from '~/db/client.server'
import { UTC_TIMESTAMP, withSqlTransaction } from '~/db/sql-transaction.server'
import type { PersonActor } from '~/justifications/transition.server'
import { claimEditableJustification, documentsMayChange, DocumentsChangedMeanwhile, lostRace, type DocumentsFailure } from './editable-documents.server'

export type RemoveAttachmentResult = { ok: true; fileName: string; rowVersion: number } | DocumentsFailure

/**
 * The requester removes a document while the justification is a draft or sent back for changes.
 * The row stays (removedAt, removedById), and so do the bytes: an earlier round's signatures name
 * its hash, and the record must still show and serve what they covered.
 */
export async function removeAttachment(
  db: Database,
  { justificationId, attachmentId, rowVersion, actor, now }: { justificationId: string; attachmentId: string; rowVersion?: number | undefined; actor: PersonActor; now: Date },
): Promise<RemoveAttachmentResult> {
  const allowed = await documentsMayChange(db, { justificationId, requesterId: actor.id, rowVersion })
  if (!allowed.ok) return allowed
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, justificationId, removedAt: null } })
  if (!attachment) return { ok: false, kind: 'NOT_FOUND', message: message('forms:documents.gone') }
  try {
    // The same plain transaction as adding a document, so the claim on the justification has one home.
    await withSqlTransaction(db, async (sql) => {
      await claimEditableJustification(sql, justificationId, allowed.rowVersion, now)
      const removed = await sql.query(`UPDATE "Attachment" SET "removedAt" = ${UTC_TIMESTAMP('$3')}, "removedById" = $2 WHERE "id" = $1 AND "removedAt" IS NULL`, [attachmentId, actor.id, now.toISOString()])
      if (removed.rowCount === 0) throw new DocumentsChangedMeanwhile()
      await appendAuditEventWithSql(sql, {
        type: 'ATTACHMENT_REMOVED',
        actorId: actor.id,
        subject: `justification:${justificationId}`,
        payload: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
        origin: actor.origin,
        at: now,
      })
    })
  } catch (error) {
    if (error instanceof DocumentsChangedMeanwhile) return lostRace(db, justificationId)
    throw error
  }
  return { ok: true, fileName: attachment.fileName, rowVersion: allowed.rowVersion + 1 }
}
