/** Removes a dated membership change entered by mistake (audited); the undated row is edited, never removed. */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { isoDateOfColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { syncMembershipToday } from './membership-history.server.ts'
import { refreshAfterChange } from './record-membership-change.server.ts'

type Actor = { actorId: string; now: Date; origin?: RequestOrigin; appUrl: string }

export async function removeMembershipChange(db: Database, id: string, actor: Actor): Promise<{ ok: true; countryCode: string } | { ok: false; message: string }> {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.countryMembership.findUnique({ where: { id }, include: { country: { select: { name: true } } } })
    if (!row || row.effectiveFrom === null) return null
    await tx.countryMembership.delete({ where: { id } })
    await appendAuditEvent(tx, {
      type: 'COUNTRY_MEMBERSHIP_REMOVED',
      actorId: actor.actorId,
      subject: `country:${row.countryCode}`,
      payload: { countryCode: row.countryCode, membership: row.membership, effectiveFrom: isoDateOfColumn(row.effectiveFrom), source: row.source },
      origin: actor.origin,
      at: actor.now,
    })
    await syncMembershipToday(tx, actor.now, [row.countryCode])
    return row
  })
  if (!removed) return { ok: false, message: message('industrial-return:membershipForm.removedAlready') }
  await refreshAfterChange(db, actor, message('industrial-return:causes.membershipRemoved', { country: removed.country.name }))
  return { ok: true, countryCode: removed.countryCode }
}
