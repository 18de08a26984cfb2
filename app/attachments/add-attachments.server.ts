import { randomUUID } from 'node:crypto'
import { appendAuditEventWithSql } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { UTC_TIMESTAMP, withSqlTransaction } from '~/db/sql-transaction.server'
import { getEnv } from '~/env.server'
import type { PersonActor } from '~/justifications/transition.server'
import { errorFields, log } from '~/server/logger.server'
import type { AttachmentKind } from './attachment-kinds'
import { claimEditableJustification, documentsMayChange, DocumentsChangedMeanwhile, lostRace, type DocumentsFailure } from './editable-documents.server'
import { checkFileName } from './file-name'
import { formatFileSize } from './file-size'
import { inspectReceivedFile } from './inspect-file.server'
import type { ReceivedFile } from './receive-upload.server'
import { message } from '~/i18n/message'
import { configuredFileStore, storeFile, type FileOnDisk, type FileStoreBackend } from './store/file-store.server'

export type AddAttachmentsResult = { ok: true; added: { id: string; fileName: string }[]; rowVersion: number } | DocumentsFailure

const MB = 1_000_000

/** Limits in bytes, from ATTACHMENT_MAX_FILE_MB and ATTACHMENT_MAX_TOTAL_MB. */
export function attachmentLimits() {
  const env = getEnv()
  return { maxFileBytes: env.ATTACHMENT_MAX_FILE_MB * MB, maxTotalBytes: env.ATTACHMENT_MAX_TOTAL_MB * MB }
}

class StoreFailed extends Error {}

/**
 * The requester adds one or several files of one kind to their justification, while it is a draft or
 * sent back for changes. All or nothing: a problem with any file (its name, empty, its type, its size)
 * or with the total is a field error naming the file, and nothing is stored. Otherwise one transaction
 * claims the justification (claimEditableJustification), stores each file, writes its Attachment row
 * and its ATTACHMENT_ADDED event. The files are on disk (receiveUpload); the caller removes them.
 */
export async function addAttachments(
  db: Database,
  { justificationId, rowVersion, kind, files, actor, now, backend = configuredFileStore() }: { justificationId: string; rowVersion?: number | undefined; kind: AttachmentKind; files: ReceivedFile[]; actor: PersonActor; now: Date; backend?: FileStoreBackend },
): Promise<AddAttachmentsResult> {
  const allowed = await documentsMayChange(db, { justificationId, requesterId: actor.id, rowVersion })
  if (!allowed.ok) return allowed
  if (files.length === 0) return invalid(message('forms:documents.chooseFiles'), [message('forms:documents.chooseFiles')])

  const { maxFileBytes, maxTotalBytes } = attachmentLimits()
  const problems: string[] = []
  const accepted: (FileOnDisk & { fileName: string })[] = []
  for (const file of files) {
    const name = checkFileName(file.fileName)
    if (!name.ok) {
      problems.push(name.message)
      continue
    }
    if (file.overLimit || !file.path) {
      problems.push(message('forms:documents.fileTooLarge', { fileName: name.name, limit: formatFileSize(maxFileBytes) }))
      continue
    }
    const inspection = await inspectReceivedFile(file.path, name.name)
    if (!inspection.ok) {
      problems.push(inspection.message)
      continue
    }
    accepted.push({ fileName: name.name, path: file.path, sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: inspection.mediaType })
  }
  if (problems.length === 0) {
    const current = await db.attachment.aggregate({ where: { justificationId, removedAt: null }, _sum: { sizeBytes: true } })
    const currentBytes = Number(current._sum.sizeBytes ?? 0n)
    const newBytes = accepted.reduce((sum, file) => sum + file.sizeBytes, 0)
    if (currentBytes + newBytes > maxTotalBytes) {
      const names = accepted.map((file) => file.fileName).join(', ')
      problems.push(
        message('forms:documents.totalTooLarge', {
          fileNames: names,
          size: formatFileSize(newBytes),
          total: formatFileSize(currentBytes + newBytes),
          limit: formatFileSize(maxTotalBytes),
          current: formatFileSize(currentBytes),
        }),
      )
    }
  }
  if (problems.length > 0) return invalid(message('forms:documents.cannotAdd', { count: problems.length }), problems)

  try {
    // A plain pg transaction, not Prisma's: the bytes pass through it (withSqlTransaction says why).
    const added = await withSqlTransaction(db, async (sql) => {
      await claimEditableJustification(sql, justificationId, allowed.rowVersion, now)
      const rows: { id: string; fileName: string }[] = []
      for (const [index, file] of accepted.entries()) {
        try {
          await storeFile(sql, file, backend)
        } catch (error) {
          log.error('storing a document failed', { justificationId, sha256: file.sha256, ...errorFields(error) })
          throw new StoreFailed()
        }
        const id = randomUUID()
        await sql.query(
          `INSERT INTO "Attachment" ("id", "justificationId", "sha256", "kind", "fileName", "sizeBytes", "mediaType", "addedById", "addedAt")
           VALUES ($1, $2, $3, $4::"AttachmentKind", $5, $6, $7, $8, ${UTC_TIMESTAMP('$9')})`,
          [id, justificationId, file.sha256, kind, file.fileName, file.sizeBytes, file.mediaType, actor.id, addedAt(now, index).toISOString()],
        )
        await appendAuditEventWithSql(sql, {
          type: 'ATTACHMENT_ADDED',
          actorId: actor.id,
          subject: `justification:${justificationId}`,
          payload: { attachmentId: id, fileName: file.fileName, kind, sizeBytes: file.sizeBytes, mediaType: file.mediaType, sha256: file.sha256 },
          origin: actor.origin,
          at: now,
        })
        rows.push({ id, fileName: file.fileName })
      }
      return rows
    })
    return { ok: true, added, rowVersion: allowed.rowVersion + 1 }
  } catch (error) {
    if (error instanceof DocumentsChangedMeanwhile) return lostRace(db, justificationId)
    if (error instanceof StoreFailed) {
      return { ok: false, kind: 'UNAVAILABLE', message: message('forms:documents.storeDown') }
    }
    throw error
  }
}

/** Lists order documents by addedAt: a millisecond apart, files added together keep the order they came in. */
function addedAt(now: Date, index: number) {
  return new Date(now.getTime() + index)
}

function invalid(said: string, problems: string[]): DocumentsFailure {
  return { ok: false, kind: 'INVALID', message: said, fieldErrors: { files: problems } }
}
