/**
 * Alerts when a country enters or leaves "very poorly balanced" (supplies, over the default window of
 * the published status year: no other window has alerts).
 *
 * The last computed band of every country is stored (ReturnBandState); each refresh recomputes from
 * the rollup, compares, and for every crossing writes an alert, an audit event and one email per
 * procurement officer, together with the new state, in one transaction. Exactly once per transition:
 * an advisory lock serialises refreshes, and the comparison is made again inside the transaction
 * against the stored state, so a second refresh finds nothing left to report.
 *
 * Emails are rendered before the transaction (rendering is slow work that must not hold it open);
 * if the data changed in between, the transaction finds other transitions and the refresh starts over.
 */
import { randomUUID } from 'node:crypto'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { enqueueEmail, type OutgoingEmail } from '~/email/outbox.server'
import { countryName } from '~/i18n/country-names'
import { languageOfRecipient, translatorFor } from '~/i18n/i18n.server'
import { translated } from '../views/format.ts'
import type { BandTransition } from './band-crossings.ts'
import { ALERT_REFRESH_LOCK_KEY, plan, transitionKey, writeState, type Plan } from './band-state.server.ts'
import { formatWindow } from '../arithmetic/window.ts'

const MAX_ATTEMPTS = 3

async function procurementOfficers(db: DatabaseOrTransaction) {
  return db.person.findMany({ where: { isProcurementOfficer: true, isActive: true }, select: { id: true, name: true, email: true, preferredLanguage: true }, orderBy: { email: 'asc' } })
}

export type AlertRefresh = { raised: number; transitions: BandTransition[] }

/**
 * Recomputes the bands and records every crossing of the "very poorly balanced" line. Call it outside
 * any transaction. `cause` is a message (`message(...)`, e.g. "industrial-return:causes.scheduled"):
 * stored as it is with the alert and its audit event, translated where it is shown and, in each
 * officer's email, in that officer's language. Plain text passes unchanged.
 */
export async function refreshReturnAlerts(
  db: Database,
  { now, cause, appUrl, actorId = null, origin }: { now: Date; cause: string; appUrl: string; actorId?: string | null; origin?: RequestOrigin },
): Promise<AlertRefresh> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const planned = await plan(db, now)
    if (planned.transitions.length === 0 && !planned.stateDiffers) return { raised: 0, transitions: [] }
    const officers = await procurementOfficers(db)
    const emails = planned.transitions.length ? alertEmails(planned, officers, cause, appUrl) : []

    const outcome = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERT_REFRESH_LOCK_KEY}::bigint)`
        const fresh = await plan(tx, now)
        if (transitionKey(fresh.transitions) !== transitionKey(planned.transitions)) return 'STALE' as const
        for (const transition of fresh.transitions) {
          const entry = fresh.current.get(transition.countryCode)
          const id = randomUUID()
          await tx.returnAlert.create({
            data: {
              id,
              countryCode: transition.countryCode,
              kind: transition.kind,
              fromBand: transition.from,
              toBand: transition.to,
              coefficient: entry?.coefficient ?? null,
              coefficientDisplay: entry?.coefficientDisplay ?? null,
              windowFromYear: fresh.window.fromYear,
              windowToYear: fresh.window.toYear,
              cause,
              raisedAt: now,
            },
          })
          await appendAuditEvent(tx, {
            type: 'SPREAD_ALERT_RAISED',
            actorId,
            subject: `spread-alert:${id}`,
            payload: { alertId: id, countryCode: transition.countryCode, kind: transition.kind, coefficient: entry?.coefficientDisplay ?? null, cause },
            origin,
            at: now,
          })
        }
        for (const email of emails) await enqueueEmail(tx, email, { appUrl })
        await writeState(tx, fresh, now)
        return 'DONE' as const
      },
      { timeout: 30_000, maxWait: 30_000 },
    )
    if (outcome === 'DONE') return { raised: planned.transitions.length, transitions: planned.transitions }
  }
  throw new Error(`The industrial return kept changing during ${MAX_ATTEMPTS} attempts to record its alerts; the next refresh will catch up.`)
}

function alertEmails(planned: Plan, officers: { name: string; email: string; preferredLanguage: string | null }[], cause: string, appUrl: string) {
  const transitions = planned.transitions.map((t) => {
    const entry = planned.current.get(t.countryCode)
    return { countryCode: t.countryCode, countryName: entry?.name ?? t.countryCode, entered: t.kind === 'ENTERED_VERY_POORLY', coefficient: entry?.coefficientDisplay ?? null }
  })
  const codes = transitions.map((t) => t.countryCode).join(', ')
  return officers.map((officer): OutgoingEmail => {
    // In the recipient's language: the subject, the words of the template (its `language`), and the
    // cause and country names the template shows as they are.
    const language = languageOfRecipient(officer)
    const t = translatorFor(language, 'industrial-return')
    return {
      to: officer.email,
      subject: t('alertEmail.subject', { codes }),
      template: 'spread-alert',
      props: {
        name: officer.name,
        windowLabel: formatWindow(planned.window),
        statusYear: planned.statusYear,
        cause: translated(t, cause),
        transitions: transitions.map((transition) => ({ ...transition, countryName: countryName(transition.countryCode, transition.countryName, language) })),
        dashboardUrl: `${appUrl}/industrial-return#alerts`,
        language,
      },
    }
  })
}
