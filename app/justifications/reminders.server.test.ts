import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, latestSignOffToken } from '../../tests/support/workflow'
import { runReminderPass, startReminderScheduler } from './reminders.server'
import { inspectSignOffLink } from './inspect-sign-off-link.server'

describe(`reminders and escalation (${testDatabaseKind()}, controllable clock)`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  // Monday 23 November 2026, 09:00 UTC. Defaults: reminder after 3 working days, escalation after 7.
  const monday = new Date('2026-11-23T09:00:00Z')
  const at = (iso: string) => new Date(iso)
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const emailsTo = (to: string, template: string) => database.db.outboxMessage.count({ where: { toAddress: to, template } })

  test('a reminder after 3 working days with a fresh link (the old one stops), escalation to the deputy after 7, each exactly once across restarts', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now: monday })
    const firstLink = await latestSignOffToken(database.db, 'marta.mendes@example.org')

    // Wednesday: two working days, nothing yet.
    expect(await runReminderPass(database.db, at('2026-11-25T09:00:00Z'))).toEqual({ reminded: 0, escalated: 0, reassignedForAbsence: 0 })
    // Thursday 09:00: three working days: one reminder.
    expect(await runReminderPass(database.db, at('2026-11-26T09:00:00Z'))).toMatchObject({ reminded: 1 })
    expect(await emailsTo('marta.mendes@example.org', 'signature-reminder')).toBe(1)
    const reminderLink = await latestSignOffToken(database.db, 'marta.mendes@example.org')
    expect(reminderLink).not.toBe(firstLink)
    expect(await inspectSignOffLink(database.db, firstLink, at('2026-11-26T09:00:00Z'))).toEqual({ status: 'superseded' })
    expect(await inspectSignOffLink(database.db, reminderLink, at('2026-11-26T09:00:00Z'))).toMatchObject({ status: 'open' })

    // Run again, then "restart": a new scheduler instance on the same database, same moment.
    await runReminderPass(database.db, at('2026-11-26T10:00:00Z'))
    const restarted = startReminderScheduler({ db: database.db, intervalMs: 3_600_000, clock: () => at('2026-11-27T09:00:00Z') })
    await restarted.runOnce()
    await restarted.stop()
    expect(await emailsTo('marta.mendes@example.org', 'signature-reminder')).toBe(1)

    // Wednesday 2 December 09:00: seven working days: the step goes to Marta's deputy, once.
    expect(await runReminderPass(database.db, at('2026-12-02T09:00:00Z'))).toMatchObject({ escalated: 1 })
    const again = startReminderScheduler({ db: database.db, intervalMs: 3_600_000, clock: () => at('2026-12-02T09:05:00Z') })
    expect(await again.runOnce()).toEqual({ reminded: 0, escalated: 0, reassignedForAbsence: 0 })
    await again.stop()

    const justification = await database.db.justification.findUniqueOrThrow({ where: { id } })
    expect(justification.awaitingPersonId).toBe(ids['mikko.makinen'])
    expect(justification.awaitingSince?.toISOString()).toBe('2026-12-02T09:00:00.000Z')
    const reassigned = await database.db.auditEvent.findMany({ where: { subject: `justification:${id}`, type: 'STEP_REASSIGNED' } })
    expect(reassigned).toHaveLength(1)
    expect(reassigned[0]).toMatchObject({ actorId: null, payload: { reason: 'ESCALATED_OVERDUE', toSignatoryId: ids['mikko.makinen'] } })
    expect(await inspectSignOffLink(database.db, reminderLink, at('2026-12-02T09:00:00Z'))).toEqual({ status: 'reassigned', to: 'Mikko Mäkinen' })
    expect(await emailsTo('mikko.makinen@example.org', 'signature-requested')).toBe(1)

    // The deputy's own reminder clock starts at the reassignment.
    expect(await runReminderPass(database.db, at('2026-12-04T09:00:00Z'))).toEqual({ reminded: 0, escalated: 0, reassignedForAbsence: 0 })
    expect(await runReminderPass(database.db, at('2026-12-07T09:00:00Z'))).toMatchObject({ reminded: 1 })
    expect(await emailsTo('mikko.makinen@example.org', 'signature-reminder')).toBe(1)
  })

  test('two scheduler instances running the same pass at once send one reminder', async () => {
    await fileAndSubmit(database.db, { requesterId: ids['emil.eriksen']!, groupCode: 'EN-EL', now: monday })
    const thursday = at('2026-11-26T09:00:00Z')
    const reports = await Promise.all([runReminderPass(database.db, thursday), runReminderPass(database.db, thursday)])
    expect(reports.reduce((sum, r) => sum + r.reminded, 0)).toBe(1)
    expect(await emailsTo('luca.leone@example.org', 'signature-reminder')).toBe(1)
  })
})
