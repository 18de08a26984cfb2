/**
 * Alerts when a country enters or leaves "very poorly balanced" (supplies, current default window).
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
import { ReturnAlertEmail } from '#emails/return-alert'
import { createElement } from 'react'
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction, Transaction } from '~/db/client.server'
import { enqueueEmail } from '~/email/outbox.server'
import { renderEmail, type RenderedEmail } from '~/email/render.server'
import { bandTransitions, bandsOf, type BandTransition } from './band-crossings.ts'
import type { Band } from '../arithmetic/bands.ts'
import { formatRational, toFixedString } from '../arithmetic/rational.ts'
import { loadReturnInputs } from '../views/return-inputs.server.ts'
import { computeReport } from '../views/return-report.ts'
import { defaultWindowFor, formatWindow, type CalendarWindow } from '../arithmetic/window.ts'

// Any constant shared by every instance; distinct from the migration lock's.
const ALERT_REFRESH_LOCK_KEY = 7_104_202_612n
const MAX_ATTEMPTS = 3

interface Plan {
  window: CalendarWindow
  current: Map<string, { band: Band | null; coefficient: string | null; coefficientDisplay: string | null; name: string }>
  transitions: BandTransition[]
  stateDiffers: boolean
}

async function plan(db: DatabaseOrTransaction, now: Date): Promise<Plan> {
  const [inputs, stored] = await Promise.all([loadReturnInputs(db, now), db.returnBandState.findMany()])
  const window = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const report = computeReport(inputs, window, 'SUPPLIES')
  const currentBands = bandsOf(report.rows)
  const previousBands = new Map<string, Band | null>(stored.map((row) => [row.countryCode, row.band]))
  const current = new Map(
    report.rows.map((row) => [
      row.countryCode,
      {
        band: row.band,
        coefficient: row.coefficient && formatRational(row.coefficient),
        coefficientDisplay: row.coefficient && toFixedString(row.coefficient, 2),
        name: row.name ?? row.countryCode,
      },
    ]),
  )
  const stateDiffers =
    stored.length !== current.size ||
    stored.some((row) => current.get(row.countryCode)?.band !== row.band || row.windowFromYear !== window.fromYear || row.windowToYear !== window.toYear)
  return { window, current, transitions: bandTransitions(previousBands, currentBands), stateDiffers }
}

const transitionKey = (transitions: readonly BandTransition[]) => transitions.map((t) => `${t.countryCode}:${t.kind}`).join(',')

async function writeState(tx: Transaction, planned: Plan, now: Date) {
  await tx.returnBandState.deleteMany({ where: { countryCode: { notIn: [...planned.current.keys()] } } })
  for (const [countryCode, entry] of planned.current) {
    const data = { band: entry.band, coefficient: entry.coefficient, windowFromYear: planned.window.fromYear, windowToYear: planned.window.toYear, computedAt: now }
    await tx.returnBandState.upsert({ where: { countryCode }, create: { countryCode, ...data }, update: data })
  }
}

async function procurementOfficers(db: DatabaseOrTransaction) {
  return db.person.findMany({ where: { isProcurementOfficer: true, isActive: true }, select: { id: true, name: true, email: true }, orderBy: { email: 'asc' } })
}

export type AlertRefresh = { raised: number; transitions: BandTransition[] }

/** Recomputes the bands and records every crossing of the "very poorly balanced" line. Call it outside any transaction. */
export async function refreshReturnAlerts(
  db: Database,
  { now, cause, appUrl, actorId = null, origin }: { now: Date; cause: string; appUrl: string; actorId?: string | null; origin?: RequestOrigin },
): Promise<AlertRefresh> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const planned = await plan(db, now)
    if (planned.transitions.length === 0 && !planned.stateDiffers) return { raised: 0, transitions: [] }
    const officers = await procurementOfficers(db)
    const emails = planned.transitions.length ? await renderAlertEmails(planned, officers, cause, appUrl) : []

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

async function renderAlertEmails(planned: Plan, officers: { name: string; email: string }[], cause: string, appUrl: string) {
  const transitions = planned.transitions.map((t) => {
    const entry = planned.current.get(t.countryCode)
    return { countryCode: t.countryCode, countryName: entry?.name ?? t.countryCode, entered: t.kind === 'ENTERED_VERY_POORLY', coefficient: entry?.coefficientDisplay ?? null }
  })
  const codes = transitions.map((t) => t.countryCode).join(', ')
  return Promise.all(
    officers.map(async (officer): Promise<RenderedEmail & { to: string; template: string }> => ({
      ...(await renderEmail(
        `Industrial return: very poorly balanced countries changed (${codes})`,
        createElement(ReturnAlertEmail, { name: officer.name, windowLabel: formatWindow(planned.window), cause, transitions, dashboardUrl: `${appUrl}/industrial-return#alerts` }),
      )),
      to: officer.email,
      template: 'spread-alert',
    })),
  )
}

/** Stores the current bands without raising alerts: the starting point of a new installation's demo data. */
export async function establishBandBaseline(db: Database, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERT_REFRESH_LOCK_KEY}::bigint)`
    await writeState(tx, await plan(tx, now), now)
  })
}

export async function acknowledgeAlert(
  db: Database,
  alertId: string,
  { actorId, now, origin }: { actorId: string; now: Date; origin?: RequestOrigin },
): Promise<'ACKNOWLEDGED' | 'ALREADY' | 'NOT_FOUND'> {
  return db.$transaction(async (tx) => {
    const alert = await tx.returnAlert.findUnique({ where: { id: alertId } })
    if (!alert) return 'NOT_FOUND'
    const { count } = await tx.returnAlert.updateMany({ where: { id: alertId, acknowledgedAt: null }, data: { acknowledgedAt: now, acknowledgedById: actorId } })
    if (count === 0) return 'ALREADY'
    await appendAuditEvent(tx, { type: 'SPREAD_ALERT_ACKNOWLEDGED', actorId, subject: `spread-alert:${alertId}`, payload: { alertId, countryCode: alert.countryCode }, origin, at: now })
    return 'ACKNOWLEDGED'
  })
}

export interface AlertView {
  id: string
  countryCode: string
  countryName: string
  entered: boolean
  coefficient: string | null
  window: string
  cause: string
  raisedAt: string
  acknowledgedAt: string | null
  acknowledgedBy: string | null
}

export async function listAlerts(db: Database, { open, limit = 100 }: { open: boolean; limit?: number }): Promise<AlertView[]> {
  const alerts = await db.returnAlert.findMany({
    where: open ? { acknowledgedAt: null } : {},
    orderBy: [{ raisedAt: 'desc' }, { countryCode: 'asc' }],
    take: limit,
  })
  const [countries, people] = await Promise.all([
    db.country.findMany({ where: { code: { in: [...new Set(alerts.map((a) => a.countryCode))] } }, select: { code: true, name: true } }),
    db.person.findMany({ where: { id: { in: alerts.flatMap((a) => (a.acknowledgedById ? [a.acknowledgedById] : [])) } }, select: { id: true, name: true } }),
  ])
  const countryName = new Map(countries.map((c) => [c.code, c.name]))
  const personName = new Map(people.map((p) => [p.id, p.name]))
  return alerts.map((alert) => ({
    id: alert.id,
    countryCode: alert.countryCode,
    countryName: countryName.get(alert.countryCode) ?? alert.countryCode,
    entered: alert.kind === 'ENTERED_VERY_POORLY',
    coefficient: alert.coefficientDisplay,
    window: formatWindow({ fromYear: alert.windowFromYear, toYear: alert.windowToYear }),
    cause: alert.cause,
    raisedAt: alert.raisedAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedById ? (personName.get(alert.acknowledgedById) ?? 'someone no longer listed') : null,
  }))
}
