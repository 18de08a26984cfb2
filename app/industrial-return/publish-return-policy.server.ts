/**
 * Publishes a version of the spread policy (issue 13.8, ADR 042), like the signature policy: the next
 * version number, effective from a date (today or later, so no day already judged is judged again),
 * audited; an Associate ceiling is accepted only for a country that is an Associate in that year.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { message } from '~/i18n/message'
import { errorFields, log } from '~/server/logger.server'
import { refreshReturnAlerts } from './alerts/refresh-return-alerts.server.ts'
import { BandPolicySchema, type BandPolicy } from './arithmetic/bands.ts'
import { membershipInYear } from './arithmetic/membership.ts'
import { loadMembershipHistory } from './membership/membership-history.server.ts'
import type { PublishReturnPolicyInput } from './return-policy-form.ts'
import { loadReturnPolicy } from './return-policy.server.ts'

type Field = 'effectiveFrom' | 'amsCeilings'
export type PublishReturnPolicyOutcome = { ok: true; version: number } | { ok: false; fieldErrors: Partial<Record<Field, string[]>> }
type Actor = { actorId: string; now: Date; origin?: RequestOrigin; appUrl: string }

const thresholdsOf = (bands: BandPolicy) => ({
  suppliesVeryPoorlyBelow: bands.SUPPLIES.find((b) => b.band === 'VERY_POORLY')?.below ?? '',
  suppliesPoorlyBelow: bands.SUPPLIES.find((b) => b.band === 'POORLY')?.below ?? '',
  servicesPoorlyBelow: bands.SERVICES.find((b) => b.band === 'POORLY')?.below ?? '',
})
export const bandThresholds = thresholdsOf

export async function publishReturnPolicy(db: Database, input: Omit<PublishReturnPolicyInput, 'intent'>, actor: Actor): Promise<PublishReturnPolicyOutcome> {
  const today = calendarDateIn(actor.now)
  if (input.effectiveFrom < today) {
    return { ok: false, fieldErrors: { effectiveFrom: [message('industrial-return:policyForm.effectiveFromPast', { today })] } }
  }
  const [history, countries, inForce] = await Promise.all([loadMembershipHistory(db), db.country.findMany({ select: { code: true, name: true } }), loadReturnPolicy(db, actor.now)])
  const names = new Map(countries.map((c) => [c.code, c.name]))
  const ceilingErrors: string[] = []
  for (const c of input.amsCeilings) {
    const name = names.get(c.countryCode)
    if (!name) ceilingErrors.push(message('industrial-return:policyForm.ceilingUnknownCountry', { country: c.countryCode, year: c.year }))
    else if (membershipInYear(history, c.countryCode, c.year) !== 'ASSOCIATE') ceilingErrors.push(message('industrial-return:policyForm.ceilingNotAssociate', { country: c.countryCode, year: c.year, name }))
  }
  if (ceilingErrors.length > 0) return { ok: false, fieldErrors: { amsCeilings: ceilingErrors } }

  const thresholds = { suppliesVeryPoorlyBelow: input.suppliesVeryPoorlyBelow, suppliesPoorlyBelow: input.suppliesPoorlyBelow, servicesPoorlyBelow: input.servicesPoorlyBelow }
  const same = JSON.stringify(thresholdsOf(inForce.bands)) === JSON.stringify(thresholds)
  const veryPoorlyTarget = {
    baselineStatusYear: input.baselineStatusYear,
    baselineCount: input.baselineCount,
    targetStatusYear: input.targetStatusYear,
    targetCount: input.targetCount,
    startsOn: input.startsOn,
    deadline: input.deadline,
  }
  try {
    const version = await db.$transaction(async (tx) => {
      if (await tx.returnPolicy.findUnique({ where: { effectiveFrom: dateColumn(input.effectiveFrom) }, select: { version: true } })) return null
      const latest = await tx.returnPolicy.findFirst({ orderBy: { version: 'desc' }, select: { version: true } })
      const version = (latest?.version ?? 0) + 1
      // Unchanged lines keep their bands' version, which every computed status records.
      const bands: BandPolicy = same
        ? inForce.bands
        : BandPolicySchema.parse({
            version: `spread-policy-${version}`,
            source: `Spread policy version ${version}, published by procurement`,
            SUPPLIES: [
              { band: 'VERY_POORLY', below: thresholds.suppliesVeryPoorlyBelow },
              { band: 'POORLY', below: thresholds.suppliesPoorlyBelow },
              { band: 'WELL', below: null },
            ],
            SERVICES: [
              { band: 'POORLY', below: thresholds.servicesPoorlyBelow },
              { band: 'WELL', below: null },
            ],
          })
      await tx.returnPolicy.create({
        data: {
          version,
          effectiveFrom: dateColumn(input.effectiveFrom),
          bands: bands as unknown as Prisma.InputJsonValue,
          windowYears: input.windowYears,
          veryPoorlyTarget: { ...veryPoorlyTarget, ...(inForce.veryPoorlyTarget.source ? { source: inForce.veryPoorlyTarget.source } : {}) },
          digestFrequency: input.digestFrequency,
          amsCeilings: input.amsCeilings as unknown as Prisma.InputJsonValue,
          publishedById: actor.actorId,
        },
      })
      await appendAuditEvent(tx, {
        type: 'RETURN_POLICY_PUBLISHED',
        actorId: actor.actorId,
        subject: `return-policy:${version}`,
        payload: { version, effectiveFrom: input.effectiveFrom, bands: thresholds, windowYears: input.windowYears, veryPoorlyTarget, digestFrequency: input.digestFrequency, amsCeilings: input.amsCeilings },
        origin: actor.origin,
        at: actor.now,
      })
      return version
    })
    if (version === null) return { ok: false, fieldErrors: { effectiveFrom: [message('industrial-return:policyForm.dateTaken', { on: input.effectiveFrom })] } }
    if (input.effectiveFrom === today) {
      try {
        await refreshReturnAlerts(db, { now: actor.now, cause: message('industrial-return:causes.policyPublished', { version }), appUrl: actor.appUrl, actorId: actor.actorId, origin: actor.origin })
      } catch (error) {
        log.error('industrial-return alerts not refreshed after a policy version', { version, ...errorFields(error) })
      }
    }
    return { ok: true, version }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, fieldErrors: { effectiveFrom: [message('industrial-return:policyForm.publishedMeanwhile')] } }
    }
    throw error
  }
}
