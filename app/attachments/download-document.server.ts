import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import type { Prisma } from '~/generated/prisma/client'
import { visibleTo, type Viewer } from '~/justifications/visibility.server'
import { openStoredFile } from './store/file-store.server'
import type { DocumentToServe } from './document-response.server'

/** The bytes of a document, or nothing: an answer that never tells a document exists to who may not read it. */
export type DownloadAnswer = { ok: true; document: DocumentToServe } | { ok: false; notFound: true }

export const DOCUMENT_NOT_FOUND: DownloadAnswer = { ok: false, notFound: true }

/**
 * A signed-in person downloads a supporting document: exactly those who may see the justification
 * may, and for anybody else the document does not exist (a 404, never a 403). A removed document
 * stays readable to them: the signatures of an earlier round name it.
 */
export async function downloadDocument(
  db: Database,
  { viewer, justificationId, attachmentId, origin, headersOnly = false }: { viewer: Viewer; justificationId: string; attachmentId: string; origin: RequestOrigin; headersOnly?: boolean },
): Promise<DownloadAnswer> {
  return serveDocument(db, {
    where: { id: attachmentId, justificationId, justification: visibleTo(viewer) },
    actorId: viewer.id,
    via: 'app',
    origin,
    headersOnly,
  })
}

/**
 * Opens the stored bytes of the one attachment `where` finds and records the download, by whom and
 * how, before the first byte is sent. Shared with the sign-off link's download. A HEAD request
 * (`headersOnly`: a link checker, a mail scanner, a browser's pre-flight) reads no byte and is no
 * download: nothing is recorded.
 */
export async function serveDocument(
  db: Database,
  { where, actorId, via, origin, headersOnly }: { where: Prisma.AttachmentWhereInput; actorId: string; via: 'app' | 'link'; origin: RequestOrigin; headersOnly: boolean },
): Promise<DownloadAnswer> {
  const attachment = await db.attachment.findFirst({ where, select: { id: true, justificationId: true, fileName: true, mediaType: true, sha256: true } })
  if (!attachment) return DOCUMENT_NOT_FOUND
  const file = await openStoredFile(db, attachment.sha256)
  if (!file) return DOCUMENT_NOT_FOUND
  if (headersOnly) {
    await file.body.cancel()
    return { ok: true, document: { fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: file.sizeBytes, body: null } }
  }
  await appendAuditEvent(db, {
    type: 'DOCUMENT_DOWNLOADED',
    actorId,
    subject: `justification:${attachment.justificationId}`,
    payload: { attachmentId: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256, via },
    origin,
  })
  return { ok: true, document: { fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: file.sizeBytes, body: file.body } }
}
