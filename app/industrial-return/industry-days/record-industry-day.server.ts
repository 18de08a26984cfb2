/** Recording an Industry Day and its invitations, with its audit event, in one transaction. */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import type { IndustryDayInput } from './industry-day-form.ts'
import type { IndustryDayOutcome } from './industry-day-outcome.ts'
import { isUnknownCountry, UNKNOWN_COUNTRY } from './industry-day-rows.server.ts'

export async function recordIndustryDay(
  db: Database,
  input: IndustryDayInput,
  { actorId, now, origin, isDemo = false }: { actorId: string | null; now: Date; origin?: RequestOrigin; isDemo?: boolean },
): Promise<IndustryDayOutcome> {
  try {
    return await db.$transaction(async (tx): Promise<IndustryDayOutcome> => {
      const day = await tx.industryDay.create({
        data: {
          heldOn: dateColumn(input.heldOn),
          kind: input.kind,
          countryCode: input.countryCode,
          theme: input.theme,
          isDemo,
          recordedById: actorId,
          updatedById: actorId,
          invitations: { createMany: { data: input.invitations.map((invitation, position) => ({ position, ...invitation })) } },
        },
        select: { id: true },
      })
      await appendAuditEvent(tx, {
        type: 'INDUSTRY_DAY_RECORDED',
        actorId,
        subject: `industry-day:${day.id}`,
        payload: { industryDayId: day.id, heldOn: input.heldOn, kind: input.kind, countryCode: input.countryCode, theme: input.theme, invitations: input.invitations },
        origin,
        at: now,
      })
      return { ok: true, id: day.id, heldOn: input.heldOn }
    })
  } catch (error) {
    if (isUnknownCountry(error)) return { ok: false, formError: UNKNOWN_COUNTRY }
    throw error
  }
}
