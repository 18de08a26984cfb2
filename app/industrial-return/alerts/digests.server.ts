/**
 * The periodic statistics email to group leaders, department heads and their deputies (monthly by default; the
 * frequency is policy). One ReturnDigest row per recipient and period, unique, created in the same
 * transaction as the outbox message: a second run, a second instance or a restart finds the row
 * and sends nothing twice.
 */
import type { ReturnDigestUnit } from '#emails/return-digest'
import type { Database } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { countryName } from '~/i18n/country-names'
import { languageOfRecipient, translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { formatChf } from '~/money/amount'
import { calendarDateIn } from '~/calendar/calendar-date'
import { todayColumn } from '~/calendar/date-column'
import { calendarPeriodOf } from '~/calendar/periods'
import { heldOn } from '~/org/people.server'
import { loadReturnPolicy } from '../return-policy.server.ts'
import { formatPercent, unitLabel } from '../views/format.ts'
import { loadUnitReturn, unitsHeldBy } from '../views/units.server.ts'
import { defaultWindowFor, formatWindow, statusYearOf } from '../arithmetic/window.ts'

export const DIGEST_ROWS_PER_UNIT = 10

class DigestAlreadySent extends Error {}

/** "December 2026" / "décembre 2026", "Q4 2026" / "4e trimestre 2026": the period in the recipient's language (its key stays the same). */
export function digestPeriodLabel(key: string, language: Language): string {
  const t = translatorFor(language, 'industrial-return')
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key)
  if (quarter) return t('digest.quarter', { quarter: quarter[2], year: quarter[1] })
  const [year = '', month = ''] = key.split('-')
  // The first of the month at noon UTC: the same month on every clock.
  const locale = language === 'fr' ? 'fr-CH' : 'en-GB'
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1, 12)))
}

export async function runDueDigests(db: Database, { now, appUrl }: { now: Date; appUrl: string }): Promise<{ sent: number; alreadySent: number }> {
  const policy = await loadReturnPolicy(db, now)
  const period = calendarPeriodOf(now, policy.digestFrequency)
  const window = defaultWindowFor(statusYearOf(calendarDateIn(now)), policy.windowYears)
  const holders = await db.position.findMany({
    // Deputies too: they stand in for a leader or head, and see their page (unitsHeldBy); a deputy
    // of someone who leads nothing holds no unit and is skipped below.
    where: { kind: { in: ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY'] }, person: { isActive: true }, ...heldOn(todayColumn(now)) },
    select: { personId: true },
    distinct: ['personId'],
  })
  const done = new Set(
    (await db.returnDigest.findMany({ where: { period: period.key, recipientId: { in: holders.map((h) => h.personId) } }, select: { recipientId: true } })).map((d) => d.recipientId),
  )
  let sent = 0
  let alreadySent = done.size
  for (const { personId } of holders) {
    if (done.has(personId)) continue
    const person = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true, email: true, preferredLanguage: true } })
    // Written in the recipient's language (their preference, else the organisation's default).
    const language = languageOfRecipient(person)
    const t = translatorFor(language, 'industrial-return')
    const periodLabel = digestPeriodLabel(period.key, language)
    const units = await unitsHeldBy(db, personId, now)
    if (units.length === 0) continue
    const summaries: ReturnDigestUnit[] = []
    for (const unit of units) {
      const unitReturn = await loadUnitReturn(db, unit, window, 'ALL')
      summaries.push({
        label: `${unitLabel(t, unit)} · ${unit.name}`,
        totalChf: formatChf(unitReturn.totalValueChfMinor, language),
        contractCount: unitReturn.contractCount,
        rows: unitReturn.rows.slice(0, DIGEST_ROWS_PER_UNIT).map((row) => ({
          country: `${countryName(row.countryCode, row.name, language)} (${row.countryCode})`,
          value: formatChf(row.valueChfMinor, language),
          count: row.contractCount,
          share: formatPercent(row.sharePercent, 1),
          organisationShare: formatPercent(row.organisationSharePercent, 1),
        })),
      })
    }
    const email = {
      to: person.email,
      subject: t('digest.subject', { window: formatWindow(window), period: periodLabel }),
      template: 'spread-digest',
      props: { name: person.name, periodLabel, windowLabel: formatWindow(window), units: summaries, pageUrl: `${appUrl}/industrial-return/mine`, language },
    } as const
    try {
      await db.$transaction(async (tx) => {
        const message = await enqueueEmail(tx, email, { appUrl })
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "ReturnDigest" ("id", "recipientId", "period", "outboxMessageId", "createdAt")
          VALUES (gen_random_uuid(), ${personId}::uuid, ${period.key}, ${message.id}::uuid, ${now})
          ON CONFLICT ("recipientId", "period") DO NOTHING
          RETURNING "id"`
        // Someone else sent it meanwhile: roll back this message with the transaction.
        if (inserted.length === 0) throw new DigestAlreadySent()
      })
      sent++
    } catch (error) {
      if (!(error instanceof DigestAlreadySent)) throw error
      alreadySent++
    }
  }
  return { sent, alreadySent }
}
