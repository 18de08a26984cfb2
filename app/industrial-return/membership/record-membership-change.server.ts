/**
 * Records that a country became a Member State, an Associate Member State or no member on a date
 * (or, without a date, what it was before its dated history), audited, then recomputes the alerts:
 * coefficients, bands and scale checks use the membership in force in each year (issue 13.6, ADR 042).
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { errorFields, log } from '~/server/logger.server'
import { refreshReturnAlerts } from '../alerts/refresh-return-alerts.server.ts'
import type { RecordMembershipInput } from './membership-form.ts'
import { effectiveFromColumn, syncMembershipToday } from './membership-history.server.ts'

export type RecordMembershipOutcome = { ok: true; replaced: boolean } | { ok: false; fieldErrors: Partial<Record<'countryCode' | 'effectiveFrom', string[]>> }

export const CARRIED_OVER = 'Membership before the dated history (carried over from the country list)'

type Actor = { actorId: string; now: Date; origin?: RequestOrigin; appUrl: string }

export async function recordMembershipChange(db: Database, input: Omit<RecordMembershipInput, 'intent'>, actor: Actor): Promise<RecordMembershipOutcome> {
  const country = await db.country.findUnique({ where: { code: input.countryCode }, select: { code: true, name: true, membership: true } })
  if (!country) return { ok: false, fieldErrors: { countryCode: [message('industrial-return:membershipForm.countryFromList')] } }
  const effectiveFrom = input.effectiveFrom ?? null
  const replaced = await db.$transaction(async (tx) => {
    // A country added after the migration has no history yet: what it is today held before its first
    // dated change, as the migration records it for the others (else it would count as no member before).
    if (effectiveFrom !== null && (await tx.countryMembership.count({ where: { countryCode: country.code } })) === 0) {
      await tx.countryMembership.create({ data: { countryCode: country.code, membership: country.membership, effectiveFrom: null, source: CARRIED_OVER } })
    }
    // findFirst, not findUnique: the undated row has a null date, which a unique lookup cannot name.
    const existing = await tx.countryMembership.findFirst({ where: { countryCode: country.code, effectiveFrom: effectiveFromColumn(effectiveFrom) }, select: { id: true, membership: true } })
    if (existing) {
      await tx.countryMembership.update({ where: { id: existing.id }, data: { membership: input.membership, source: input.source, recordedById: actor.actorId } })
    } else {
      await tx.countryMembership.create({
        data: { countryCode: country.code, membership: input.membership, effectiveFrom: effectiveFromColumn(effectiveFrom), source: input.source, recordedById: actor.actorId },
      })
    }
    await appendAuditEvent(tx, {
      type: 'COUNTRY_MEMBERSHIP_RECORDED',
      actorId: actor.actorId,
      subject: `country:${country.code}`,
      payload: { countryCode: country.code, membership: input.membership, effectiveFrom, source: input.source, previous: existing?.membership ?? null },
      origin: actor.origin,
      at: actor.now,
    })
    await syncMembershipToday(tx, actor.now, [country.code])
    return existing !== null
  })
  await refreshAfterChange(db, actor, message('industrial-return:causes.membershipRecorded', { country: country.name }))
  return { ok: true, replaced }
}

/** `cause`: a message (`message(...)`), stored with the alerts it raises and translated where they are shown. */
export async function refreshAfterChange(db: Database, actor: Actor, cause: string) {
  try {
    await refreshReturnAlerts(db, { now: actor.now, cause, appUrl: actor.appUrl, actorId: actor.actorId, origin: actor.origin })
  } catch (error) {
    log.error('industrial-return alerts not refreshed after a membership change', { cause, ...errorFields(error) })
  }
}
