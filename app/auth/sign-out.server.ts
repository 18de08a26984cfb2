import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { endSessions, type SignedInPerson } from './session.server'

/** Ends this browser's session (or all of the person's) and records how many ended, in one transaction. */
export async function signOut(db: Database, person: SignedInPerson, { everywhere, origin }: { everywhere: boolean; origin?: RequestOrigin }) {
  await db.$transaction(async (tx) => {
    const sessionsEnded = await endSessions(tx, person, { everywhere })
    await appendAuditEvent(tx, { type: 'SIGNED_OUT', actorId: person.id, subject: `person:${person.id}`, payload: { everywhere, sessionsEnded }, origin })
  })
}
