import { formatDateTime } from '~/calendar/format-date'
import type { DatabaseOrTransaction } from '~/db/client.server'

export type ChangeRequest = { by: string; at: string; atIso: string; comment: string; viaLink: boolean }

/**
 * The latest request for changes on a justification (who asked, when, what they wrote), for the
 * edit page of a justification sent back to its requester; null if none was ever made.
 */
export async function loadChangeRequest(db: DatabaseOrTransaction, justificationId: string): Promise<ChangeRequest | null> {
  const event = await db.auditEvent.findFirst({
    where: { subject: `justification:${justificationId}`, type: 'CHANGES_REQUESTED' },
    orderBy: { id: 'desc' },
    select: { actorId: true, createdAt: true, payload: true },
  })
  if (!event) return null
  const payload = event.payload as { comment?: unknown; via?: unknown }
  const actor = event.actorId ? await db.person.findUnique({ where: { id: event.actorId }, select: { name: true } }) : null
  return {
    by: actor?.name ?? 'A signatory',
    at: formatDateTime(event.createdAt),
    // For the page, which writes the date in its reader's language.
    atIso: event.createdAt.toISOString(),
    comment: typeof payload.comment === 'string' ? payload.comment : '',
    viaLink: payload.via === 'link',
  }
}
