import type { RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { inspectSignOffLink } from '~/justifications/inspect-sign-off-link.server'
import { loadWorkflowSettings } from '~/justifications/settings.server'
import { DOCUMENT_NOT_FOUND, serveDocument, type DownloadAnswer } from './download-document.server'

/**
 * The addressee of a sign-off link downloads one of the documents they are asked to sign: while the
 * link works (not expired, used, revoked or overtaken by the workflow), only the justification's
 * current documents, and in strict mode only once signed in as the addressee, as for deciding.
 * Recorded as the addressee's download, via the link.
 */
export async function downloadDocumentByLink(
  db: Database,
  { token, attachmentId, signedInPersonId, origin, now, headersOnly = false }: { token: string; attachmentId: string; signedInPersonId: string | null; origin: RequestOrigin; now: Date; headersOnly?: boolean },
): Promise<DownloadAnswer | { ok: false; signInRequired: true; wrongPerson: boolean }> {
  const link = await inspectSignOffLink(db, token, now)
  if (link.status !== 'open') return DOCUMENT_NOT_FOUND
  const settings = await loadWorkflowSettings(db)
  if (settings.linkRequiresSignIn && signedInPersonId !== link.signatoryId) return { ok: false, signInRequired: true, wrongPerson: signedInPersonId !== null }
  return serveDocument(db, {
    where: { id: attachmentId, justificationId: link.justificationId, removedAt: null },
    actorId: link.signatoryId,
    via: 'link',
    origin,
    headersOnly,
  })
}
