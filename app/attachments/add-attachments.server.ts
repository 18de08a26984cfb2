import { appendAuditEvent } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { getEnv } from '~/env.server'
import type { PersonActor } from '~/justifications/transition.server'
import { errorFields, log } from '~/server/logger.server'
import type { AttachmentKind } from './attachment-kinds'
import { claimEditableJustification, documentsMayChange, DocumentsChangedMeanwhile, lostRace, type DocumentsFailure } from './editable-documents.server'
import { checkFileName } from './file-name'
import { formatFileSize } from './file-size'
import { inspectReceivedFile } from './inspect-file.server'
import type { ReceivedFile } from './receive-upload.server'
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
  if (files.length === 0) return invalid('Choose at least one file to add.', ['Choose at least one file to add.'])

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
      problems.push(`${name.name} is larger than ${formatFileSize(maxFileBytes)}, the limit for one file: make it smaller (a PDF at a lower resolution, for example).`)
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
        `${names} (${formatFileSize(newBytes)}) would bring this justification’s documents to ${formatFileSize(currentBytes + newBytes)}, over the limit of ${formatFileSize(maxTotalBytes)} (documents attached now: ${formatFileSize(currentBytes)}). Remove a document or add smaller files.`,
      )
    }
  }
  if (problems.length > 0) return invalid(problems.length === 1 ? 'This file cannot be added; nothing was stored.' : 'These files cannot be added; nothing was stored.', problems)

  const totalBytes = accepted.reduce((sum, file) => sum + file.sizeBytes, 0)
  try {
    const added = await db.$transaction(
      async (tx) => {
        await claimEditableJustification(tx, justificationId, allowed.rowVersion)
        const rows: { id: string; fileName: string }[] = []
        for (const [index, file] of accepted.entries()) {
          try {
            await storeFile(tx, file, backend)
          } catch (error) {
            log.error('storing a document failed', { justificationId, sha256: file.sha256, ...errorFields(error) })
            throw new StoreFailed()
          }
          const row = await tx.attachment.create({
            data: { justificationId, sha256: file.sha256, kind, fileName: file.fileName, sizeBytes: BigInt(file.sizeBytes), mediaType: file.mediaType, addedById: actor.id, addedAt: addedAt(now, index) },
          })
          await appendAuditEvent(tx, {
            type: 'ATTACHMENT_ADDED',
            actorId: actor.id,
            subject: `justification:${justificationId}`,
            payload: { attachmentId: row.id, fileName: file.fileName, kind, sizeBytes: file.sizeBytes, mediaType: file.mediaType, sha256: file.sha256 },
            origin: actor.origin,
            at: now,
          })
          rows.push({ id: row.id, fileName: file.fileName })
        }
        return rows
      },
      // Writing 100 MB in 1 MiB rows (or to an object store) takes a while on a busy server: a
      // generous base plus a second per megabyte, instead of Prisma's default 5 seconds.
      { maxWait: 10_000, timeout: 30_000 + Math.ceil(totalBytes / MB) * 1_000 },
    )
    return { ok: true, added, rowVersion: allowed.rowVersion + 1 }
  } catch (error) {
    if (error instanceof DocumentsChangedMeanwhile) return lostRace(db, justificationId)
    if (error instanceof StoreFailed) {
      return { ok: false, kind: 'UNAVAILABLE', message: 'The documents could not be stored: the file store did not answer. Nothing was stored; try again in a few minutes.' }
    }
    throw error
  }
}

/** Lists order documents by addedAt: a millisecond apart, files added together keep the order they came in. */
function addedAt(now: Date, index: number) {
  return new Date(now.getTime() + index)
}

function invalid(message: string, problems: string[]): DocumentsFailure {
  return { ok: false, kind: 'INVALID', message, fieldErrors: { files: problems } }
}
