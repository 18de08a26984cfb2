import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { acknowledgeAlert } from './acknowledge-alert.server.ts'
import { listAlerts } from './list-alerts.server.ts'
import { refreshReturnAlerts } from './refresh-return-alerts.server.ts'
import { awardJustification } from '../ledger/award-justification.server.ts'
import { APP_URL, createApprovedJustification, rollupAndLedger, useReturnTestDatabase } from '../test-support.ts'
import { readQueuedEmail } from '~/email/open-queued-email.server'

// Status year 2026 (from 1 March 2026): the default window is 2022-2025.
const NOW = new Date('2026-11-26T10:00:00Z')

describe('very poorly balanced alerts', () => {
  const database = useReturnTestDatabase({ scaleYears: [2022, 2023, 2024, 2025] })

  const alertEmails = () => database.db.outboxMessage.findMany({ where: { template: 'spread-alert' }, orderBy: { createdAt: 'asc' } })
  let minutes = 0
  const award = async (countryCode: string, amountMinor: number, orderNumber: string) => {
    const now = new Date(NOW.getTime() + ++minutes * 60_000)
    const justification = await createApprovedJustification(database.db, { supplierCountryCode: countryCode, amountMinor })
    const outcome = await awardJustification(database.db, justification.id, { orderNumber, awardedOn: '2024-06-01', amount: String(amountMinor / 100) }, { actorId: database.officerId, now, appUrl: APP_URL })
    expect(outcome).toMatchObject({ ok: true })
  }

  it('raises an alert when a country crosses 0.40, emails it once, and again at each crossing', async () => {
    const officers = await database.db.person.count({ where: { isProcurementOfficer: true, isActive: true } })
    const portugalAlerts = async () => (await listAlerts(database.db, { open: true })).filter((alert) => alert.countryCode === 'PT')

    // The first contract (Germany) leaves every other Member State, Portugal included, at 0.
    await award('DE', 100_000_000, 'PO-DE-1')
    // Over 2022-2025, the default window of status year 2026 (from 1 March 2026): the alert says which.
    expect(await portugalAlerts()).toMatchObject([{ entered: true, coefficient: '0.00', window: '2022–2025', statusYear: 2026, cause: 'Award of PO-DE-1', earlierOpen: [] }])
    expect(await alertEmails()).toHaveLength(officers)
    expect((await readQueuedEmail((await alertEmails())[0]!)).text).toMatch(/Portugal \(PT\)/)

    // Portugal pays 1.14%: 4 000 of 1 004 000 CHF is 0.398% of the value, a coefficient of 0.35: still very poorly balanced.
    await award('PT', 400_000, 'PO-PT-1')
    expect(await portugalAlerts()).toHaveLength(1)
    // Recomputing with nothing changed raises nothing and sends nothing.
    expect(await refreshReturnAlerts(database.db, { now: NOW, cause: 'again', appUrl: APP_URL })).toMatchObject({ raised: 0 })
    expect(await refreshReturnAlerts(database.db, { now: NOW, cause: 'and again', appUrl: APP_URL })).toMatchObject({ raised: 0 })
    expect(await alertEmails()).toHaveLength(officers)

    // 6 000 CHF more: 10 000 / 1 010 000 = 0.990099%, / 1.14% = 0.868508: 0.87, 0.8685 in full; no longer very poorly balanced.
    await award('PT', 600_000, 'PO-PT-2')
    // Portugal shows once among the open alerts, with its latest crossing; the entry is kept beside it.
    const [left] = await portugalAlerts()
    expect(await portugalAlerts()).toHaveLength(1)
    expect(left).toMatchObject({ entered: false, coefficient: '0.87', coefficientPrecise: '0.8685', cause: 'Award of PO-PT-2', earlierOpen: [{ entered: true, statusYear: 2026 }] })
    // The history keeps both crossings.
    expect((await listAlerts(database.db, { open: false })).filter((a) => a.countryCode === 'PT').map((a) => [a.entered, a.coefficient, a.cause])).toEqual([
      [false, '0.87', 'Award of PO-PT-2'],
      [true, '0.00', 'Award of PO-DE-1'],
    ])
    expect(await alertEmails()).toHaveLength(2 * officers)
    expect((await readQueuedEmail((await alertEmails()).at(-1)!)).text).toMatch(/No longer very poorly balanced/i)
    expect((await alertEmails()).at(-1)?.subject).toMatch(/\(PT\)/)

    // Germany wins 2 000 000 CHF more: 10 000 / 3 010 000 = 0.332%, / 1.14% = 0.29: below 0.40 again.
    await award('DE', 200_000_000, 'PO-DE-2')
    expect(await portugalAlerts()).toMatchObject([{ entered: true, coefficient: '0.29', cause: 'Award of PO-DE-2', earlierOpen: [{ entered: false }, { entered: true }] }])
    expect(await alertEmails()).toHaveLength(3 * officers)

    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })

  it('keeps an alert on the dashboard until acknowledged, with its history; acknowledging a country’s latest crossing acknowledges its earlier ones', async () => {
    const [first] = (await listAlerts(database.db, { open: true })).filter((a) => a.countryCode === 'PT')
    expect(await acknowledgeAlert(database.db, first!.id, { actorId: database.officerId, now: NOW })).toBe('ACKNOWLEDGED')
    expect(await acknowledgeAlert(database.db, first!.id, { actorId: database.officerId, now: NOW })).toBe('ALREADY')
    expect((await listAlerts(database.db, { open: true })).map((a) => a.countryCode)).not.toContain('PT')
    const history = (await listAlerts(database.db, { open: false })).filter((a) => a.countryCode === 'PT')
    expect(history).toHaveLength(3)
    expect(history.every((a) => a.acknowledgedBy === 'Paula Procurement')).toBe(true)
    const trail = await database.db.auditEvent.findMany({ where: { subject: `spread-alert:${first!.id}` }, orderBy: { id: 'asc' } })
    expect(trail.map((e) => e.type)).toEqual(['SPREAD_ALERT_RAISED', 'SPREAD_ALERT_ACKNOWLEDGED'])
    const earlier = history.find((a) => a.id !== first!.id)!
    const earlierTrail = await database.db.auditEvent.findMany({ where: { subject: `spread-alert:${earlier.id}` }, orderBy: { id: 'asc' } })
    expect(earlierTrail.map((e) => [e.type, (e.payload as { acknowledgedWith?: string }).acknowledgedWith ?? null])).toEqual([
      ['SPREAD_ALERT_RAISED', null],
      ['SPREAD_ALERT_ACKNOWLEDGED', first!.id],
    ])
  })

  it('refuses a second award of the same justification and a taken order number', async () => {
    const justification = await createApprovedJustification(database.db, { supplierCountryCode: 'FR', amountMinor: 100_00 })
    const input = { orderNumber: 'PO-PT-1', awardedOn: '2024-06-01', amount: '100.00' }
    expect(await awardJustification(database.db, justification.id, input, { actorId: database.officerId, now: NOW, appUrl: APP_URL })).toMatchObject({
      ok: false,
      fieldErrors: { orderNumber: [expect.stringMatching(/already in the ledger/)] },
    })
    expect(await awardJustification(database.db, justification.id, { ...input, orderNumber: 'PO-FR-1' }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })).toMatchObject({ ok: true })
    expect(await awardJustification(database.db, justification.id, { ...input, orderNumber: 'PO-FR-2' }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already recorded/),
    })
    expect(await awardJustification(database.db, justification.id, { ...input, awardedOn: '2026-12-01', orderNumber: 'PO-FR-3' }, { actorId: database.officerId, now: NOW, appUrl: APP_URL })).toMatchObject({
      ok: false,
      fieldErrors: { awardedOn: [expect.any(String)] },
    })
  })
})
