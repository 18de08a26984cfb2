import { describe, expect, it } from 'vitest'
import { seedReturnDemoData } from '../../../prisma/seed-industrial-return'
import { runDueDigests } from './digests.server.ts'
import { startReturnJobs } from './jobs.server.ts'
import { rollupAndLedger, useReturnTestDatabase, APP_URL } from '../test-support.ts'
import { readQueuedEmail } from '~/email/open-queued-email.server'

const NOW = new Date('2026-11-26T10:00:00Z')

describe('periodic statistics emails', () => {
  const database = useReturnTestDatabase({
    andThen: async (db) => {
      const first = await seedReturnDemoData(db, { now: NOW, contractsPerYear: 30 })
      expect(first.contractsCreated).toBeGreaterThan(0)
      // Seeding again changes nothing.
      expect(await seedReturnDemoData(db, { now: NOW, contractsPerYear: 30 })).toEqual({ scalesCreated: 0, contractsCreated: 0, policyCreated: false, membershipsCreated: 0 })
    },
  })

  const digests = () => database.db.outboxMessage.findMany({ where: { template: 'spread-digest' } })
  // Group leaders and department heads, and their deputies (every deputy of the demo stands in for one).
  const recipients = () => database.db.position.findMany({ where: { kind: { in: ['GROUP_LEADER', 'DEPARTMENT_HEAD', 'DEPUTY'] } }, distinct: ['personId'], select: { personId: true } })

  it('sends each group leader, department head and deputy one digest per month, however often the job runs', async () => {
    const holders = await recipients()
    const leadersAndHeads = await database.db.position.findMany({ where: { kind: { in: ['GROUP_LEADER', 'DEPARTMENT_HEAD'] } }, distinct: ['personId'] })
    expect(holders.length).toBeGreaterThan(leadersAndHeads.length)
    const first = await runDueDigests(database.db, { now: NOW, appUrl: APP_URL })
    expect(first.sent).toBe(holders.length)
    // The job runs again, and again "after a restart" (all state is in the database).
    expect(await runDueDigests(database.db, { now: new Date(NOW.getTime() + 60_000), appUrl: APP_URL })).toEqual({ sent: 0, alreadySent: holders.length })
    const [a, b] = await Promise.all([runDueDigests(database.db, { now: NOW, appUrl: APP_URL }), runDueDigests(database.db, { now: NOW, appUrl: APP_URL })])
    expect(a.sent + b.sent).toBe(0)
    expect(await digests()).toHaveLength(holders.length)

    const marta = (await digests()).find((m) => m.toAddress === 'marta.mendes@example.org')
    expect(marta?.subject).toMatch(/November 2026/)
    expect((await readQueuedEmail(marta!)).text).toMatch(/Group EN-MME/i)
    expect((await readQueuedEmail(marta!)).text).toContain(`${APP_URL}/industrial-return/mine`)
    // Her deputy gets the same group's summary.
    const mikko = (await digests()).find((m) => m.toAddress === 'mikko.makinen@example.org')
    expect((await readQueuedEmail(mikko!)).text).toMatch(/Group EN-MME/i)

    // A new month, a new digest each.
    expect((await runDueDigests(database.db, { now: new Date('2026-12-01T08:00:00Z'), appUrl: APP_URL })).sent).toBe(holders.length)
    expect(await digests()).toHaveLength(2 * holders.length)
  })

  it('is sent by the industrial-return jobs, and a restarted app sends it no second time', async () => {
    const holders = await recipients()
    const january = () => new Date('2027-01-05T08:00:00Z')
    const inJanuary = () => database.db.returnDigest.count({ where: { period: '2027-01' } })
    const first = startReturnJobs({ db: database.db, intervalMs: 50, clock: january, appUrl: APP_URL })
    await expect.poll(inJanuary, { timeout: 20_000 }).toBe(holders.length)
    await first.stop()
    const restarted = startReturnJobs({ db: database.db, intervalMs: 50, clock: january, appUrl: APP_URL })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await restarted.stop()
    expect(await inJanuary()).toBe(holders.length)
    expect(await database.db.outboxMessage.count({ where: { template: 'spread-digest' } })).toBe(3 * holders.length)
  })

  it('builds the demo rollup equal to the ledger', async () => {
    const { ledger, rollup } = await rollupAndLedger(database.db)
    expect(rollup).toEqual(ledger)
  })
})
