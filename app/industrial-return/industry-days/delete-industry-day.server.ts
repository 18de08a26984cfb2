/** Deleting an Industry Day recorded by mistake: the day and its invitations go; the audit event keeps what they were. */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { GONE, STALE_EDIT, type IndustryDayOutcome } from './industry-day-outcome.ts'
import { readIndustryDay } from './industry-day-rows.server.ts'

export async function deleteIndustryDay(
  db: Database,
  id: string,
  readVersion: number,
  { actorId, now, origin }: { actorId: string; now: Date; origin?: RequestOrigin },
): Promise<IndustryDayOutcome> {
  return db.$transaction(async (tx): Promise<IndustryDayOutcome> => {
    const current = await readIndustryDay(tx, id)
    if (!current) return { ok: false, notFound: true, formError: GONE }
    if (current.version !== readVersion) return { ok: false, formError: STALE_EDIT }
    // Invitations go with their day (ON DELETE CASCADE); the version guards against an edit made meanwhile.
    const deleted = await tx.industryDay.deleteMany({ where: { id, version: readVersion } })
    if (deleted.count === 0) return { ok: false, formError: STALE_EDIT }
    await appendAuditEvent(tx, {
      type: 'INDUSTRY_DAY_DELETED',
      actorId,
      subject: `industry-day:${id}`,
      payload: { industryDayId: id, heldOn: current.heldOn, kind: current.kind, countryCode: current.countryCode, theme: current.theme, invitations: current.invitations },
      origin,
      at: now,
    })
    return { ok: true, id, heldOn: current.heldOn }
  })
}
