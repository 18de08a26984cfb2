/**
 * Editing an Industry Day: its facts and its whole list of invitations, replaced in one transaction
 * with the audit event saying what changed. Refused when the day moved on since the form was read.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import type { IndustryDayInput, Invitation } from './industry-day-form.ts'
import { GONE, STALE_EDIT, type IndustryDayOutcome } from './industry-day-outcome.ts'
import { isUnknownCountry, readIndustryDay, UNKNOWN_COUNTRY } from './industry-day-rows.server.ts'

/** What is in `a` and not in `b`, line by line (a line twice in `a` and once in `b` leaves one). */
function linesMissingFrom(a: readonly Invitation[], b: readonly Invitation[]): Invitation[] {
  const key = (i: Invitation) => `${i.companyName}\u0000${i.countryCode}`
  const left = new Map<string, number>()
  for (const i of b) left.set(key(i), (left.get(key(i)) ?? 0) + 1)
  return a.filter((i) => {
    const count = left.get(key(i)) ?? 0
    if (count > 0) left.set(key(i), count - 1)
    return count === 0
  })
}

export async function editIndustryDay(
  db: Database,
  id: string,
  readVersion: number,
  input: IndustryDayInput,
  { actorId, now, origin }: { actorId: string; now: Date; origin?: RequestOrigin },
): Promise<IndustryDayOutcome> {
  try {
    return await db.$transaction(async (tx): Promise<IndustryDayOutcome> => {
      const current = await readIndustryDay(tx, id)
      if (!current) return { ok: false, notFound: true, formError: GONE }
      if (current.version !== readVersion) return { ok: false, formError: STALE_EDIT }

      const changes: Record<string, { from: string | null; to: string | null }> = {}
      for (const field of ['heldOn', 'kind', 'countryCode', 'theme'] as const) {
        if (current[field] !== input[field]) changes[field] = { from: current[field], to: input[field] }
      }
      const invitationsAdded = linesMissingFrom(input.invitations, current.invitations)
      const invitationsRemoved = linesMissingFrom(current.invitations, input.invitations)
      const reordered = current.invitations.some((i, n) => i.companyName !== input.invitations[n]?.companyName || i.countryCode !== input.invitations[n]?.countryCode)
      if (Object.keys(changes).length === 0 && !reordered && current.invitations.length === input.invitations.length) {
        return { ok: true, id, heldOn: input.heldOn }
      }

      // The version in the condition: of two edits made from the same version, the second one finds none.
      const updated = await tx.industryDay.updateMany({
        where: { id, version: readVersion },
        data: { heldOn: dateColumn(input.heldOn), kind: input.kind, countryCode: input.countryCode, theme: input.theme, version: { increment: 1 }, updatedById: actorId },
      })
      if (updated.count === 0) return { ok: false, formError: STALE_EDIT }
      await tx.industryDayInvitation.deleteMany({ where: { industryDayId: id } })
      await tx.industryDayInvitation.createMany({ data: input.invitations.map((invitation, position) => ({ industryDayId: id, position, ...invitation })) })
      await appendAuditEvent(tx, {
        type: 'INDUSTRY_DAY_EDITED',
        actorId,
        subject: `industry-day:${id}`,
        payload: { industryDayId: id, version: readVersion + 1, changes, invitationsAdded, invitationsRemoved },
        origin,
        at: now,
      })
      return { ok: true, id, heldOn: input.heldOn }
    })
  } catch (error) {
    if (isUnknownCountry(error)) return { ok: false, formError: UNKNOWN_COUNTRY }
    throw error
  }
}
