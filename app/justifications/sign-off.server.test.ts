import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, latestSignOffToken, origin } from '../../tests/support/workflow'
import { decideJustification } from './decide-justification.server'
import { loadJustificationPage } from './page.server'
import { runReminderPass } from './reminders.server'
import { saveWorkflowSettings, DEFAULT_WORKFLOW_SETTINGS } from './settings.server'
import { decideBySignOffLink } from './decide-by-sign-off-link.server'
import { inspectSignOffLink } from './inspect-sign-off-link.server'
import { sendFreshSignOffLink } from './send-fresh-sign-off-link.server'
import { readQueuedEmail } from '~/email/open-queued-email.server'

describe(`sign-off links (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const decisions = async (justificationId: string) =>
    database.db.auditEvent.findMany({ where: { subject: `justification:${justificationId}`, type: { in: ['STEP_SIGNED', 'JUSTIFICATION_REJECTED', 'CHANGES_REQUESTED'] } } })

  test('the link decides once, through the workflow, recorded as by link with address and browser; the next signatory gets a link of their own', async () => {
    const { id, reference } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    expect(await inspectSignOffLink(database.db, token, now)).toMatchObject({ status: 'open', signatoryName: 'Marta Mendes', stepLabel: 'Group leader' })
    // Only the hash is stored.
    expect(await database.db.signOffToken.count({ where: { tokenHash: token } })).toBe(0)

    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toEqual({ ok: true, outcome: 'signed', reference })
    const [signed] = await decisions(id)
    expect(signed).toMatchObject({ type: 'STEP_SIGNED', actorId: ids['marta.mendes'], ipAddress: '203.0.113.7', userAgent: 'vitest', payload: { via: 'link' } })

    // Used twice: refused, with who decided and when.
    const again = await decideBySignOffLink(database.db, { token, decision: { kind: 'reject', reason: 'Changed my mind' }, now, origin, signedInPersonId: null })
    expect(again).toMatchObject({ ok: false, state: { status: 'decided', by: 'Marta Mendes', outcome: 'signed' } })
    expect(await decisions(id)).toHaveLength(1)

    const headToken = await latestSignOffToken(database.db, 'elena.navarro@example.org')
    expect(await inspectSignOffLink(database.db, headToken, now)).toMatchObject({ status: 'open', stepLabel: 'Department head' })
  })

  test('a link after the step was decided in the app is refused and changes nothing', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    const inApp = await decideJustification(database.db, { id, actor: { id: ids['marta.mendes']!, origin }, decision: { kind: 'request-changes', comment: 'Add the quote.' }, now })
    expect(inApp.ok).toBe(true)
    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toMatchObject({
      ok: false,
      state: { status: 'decided', by: 'Marta Mendes', outcome: 'sent back for changes' },
    })
    expect(await decisions(id)).toHaveLength(1)
  })

  test('a tampered or unknown token reveals nothing', async () => {
    await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await inspectSignOffLink(database.db, tampered, now)).toEqual({ status: 'unknown' })
    expect(await inspectSignOffLink(database.db, '../../etc/passwd', now)).toEqual({ status: 'unknown' })
    expect(await decideBySignOffLink(database.db, { token: tampered, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toEqual({ ok: false, state: { status: 'unknown' } })
  })

  test('an expired link is refused; a fresh link can be sent, works, and the old one stays dead', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    const eightDaysLater = new Date(now.getTime() + 8 * 24 * 3600 * 1000)
    expect(await inspectSignOffLink(database.db, token, eightDaysLater)).toEqual({ status: 'expired', canSendFresh: true })
    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now: eightDaysLater, origin, signedInPersonId: null })).toMatchObject({ ok: false, state: { status: 'expired' } })
    expect(await decisions(id)).toHaveLength(0)

    expect(await sendFreshSignOffLink(database.db, { token, now: eightDaysLater })).toBe(true)
    const fresh = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    expect(fresh).not.toBe(token)
    expect(await inspectSignOffLink(database.db, token, eightDaysLater)).toEqual({ status: 'superseded' })
    expect(await decideBySignOffLink(database.db, { token: fresh, decision: { kind: 'sign' }, now: eightDaysLater, origin, signedInPersonId: null })).toMatchObject({ ok: true })
  })

  test('twenty simultaneous POSTs of one link make one decision', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    const results = await Promise.all(Array.from({ length: 20 }, () => decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await decisions(id)).toHaveLength(1)
  })

  test('after reassignment to a deputy (the signatory is away), the absent person’s link is refused and the deputy gets one', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    await database.db.absence.create({ data: { personId: ids['marta.mendes']!, startsOn: new Date('2026-11-26T00:00:00Z'), endsOn: new Date('2026-12-04T00:00:00Z') } })
    const report = await runReminderPass(database.db, now)
    expect(report.reassignedForAbsence).toBeGreaterThanOrEqual(1)
    expect(await inspectSignOffLink(database.db, token, now)).toEqual({ status: 'reassigned', to: 'Mikko Mäkinen' })
    expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toMatchObject({ ok: false, state: { status: 'reassigned' } })
    expect(await decisions(id)).toHaveLength(0)
    const deputyToken = await latestSignOffToken(database.db, 'mikko.makinen@example.org')
    expect(await inspectSignOffLink(database.db, deputyToken, now)).toMatchObject({ status: 'open', signatoryName: 'Mikko Mäkinen' })
    await database.db.absence.deleteMany()
  })

  test('a step reassigned to a deputy asks them with the split-purchase flag the submission raised', async () => {
    await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now, supplierName: 'Halves Ltd', amount: 3_000_000 })
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['ruben.rasmussen']!, now, supplierName: 'Halves Ltd', amount: 3_000_000 })
    expect((await database.db.justification.findUniqueOrThrow({ where: { id } })).splitPurchaseFlag).toBe(true)
    await database.db.absence.create({ data: { personId: ids['marta.mendes']!, startsOn: new Date('2026-11-26T00:00:00Z'), endsOn: new Date('2026-11-27T00:00:00Z') } })
    await runReminderPass(database.db, now)
    const toDeputy = await database.db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'mikko.makinen@example.org', subject: { contains: (await database.db.justification.findUniqueOrThrow({ where: { id } })).reference } } })
    expect((await readQueuedEmail(toDeputy)).text).toMatch(/Possible split purchase/)
    await database.db.absence.deleteMany()
  })

  test('the justification page is not found for a requester of another group, and found for the signatory', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const as = async (name: string) => {
      const person = await database.db.person.findUniqueOrThrow({ where: { id: ids[name]! } })
      return loadJustificationPage(database.db, person, id, now)
    }
    expect(await as('emil.eriksen')).toBeNull()
    expect(await as('marta.mendes')).toMatchObject({ can: { decide: true } })
    expect(await as('ruben.rasmussen')).toMatchObject({ can: { decide: false, edit: false, withdraw: false } })
    expect(await as('paula.procurement')).not.toBeNull()
  })

  test('strict mode: a decision by link needs the addressee signed in', async () => {
    await saveWorkflowSettings(database.db, { ...DEFAULT_WORKFLOW_SETTINGS, linkRequiresSignIn: true }, ids['alex.admin']!)
    try {
      const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
      const token = await latestSignOffToken(database.db, 'marta.mendes@example.org')
      expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: null })).toEqual({ ok: false, signInRequired: true, wrongPerson: false })
      expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: ids['rita.romano']! })).toEqual({ ok: false, signInRequired: true, wrongPerson: true })
      expect(await decisions(id)).toHaveLength(0)
      expect(await decideBySignOffLink(database.db, { token, decision: { kind: 'sign' }, now, origin, signedInPersonId: ids['marta.mendes']! })).toMatchObject({ ok: true })
    } finally {
      await saveWorkflowSettings(database.db, DEFAULT_WORKFLOW_SETTINGS, ids['alex.admin']!)
    }
  })
})
