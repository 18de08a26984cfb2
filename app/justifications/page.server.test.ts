import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit } from '../../tests/support/workflow'
import { loadJustificationPage } from './page.server'

describe(`the justification page's timeline (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const submittedLine = async (id: string) => {
    const requester = await database.db.person.findUniqueOrThrow({ where: { id: ids['rita.romano']! } })
    const page = await loadJustificationPage(database.db, requester, id, now)
    return page?.timeline.find((event) => event.label === 'Submitted')
  }

  test('a CHF amount is stated once, with no rate', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now, amount: 5_000_001, currency: 'CHF' })
    const line = await submittedLine(id)
    expect(line?.details).toBe('Policy version 1; CHF\u00a050’000.01; no supporting document.')
    expect(line?.details).not.toContain('rate')
  })

  test('another currency shows its CHF equivalent and the rate used', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now, amount: 5_000_000, currency: 'EUR' })
    expect((await submittedLine(id))?.details).toBe('Policy version 1; EUR\u00a050’000.00 = CHF\u00a047’060.00 at rate 0.9412 of 1 Jan 2026; no supporting document.')
  })

  test('its times read on Geneva’s clock with the zone name, and carry the instant for a <time> element', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const line = await submittedLine(id)
    // Submitted at `now`, 09:00 UTC: 10:00 in Geneva, in winter time.
    expect(line).toMatchObject({ at: '26 Nov 2026, 10:00 CET', atIso: '2026-11-26T09:00:00.000Z' })
  })
})
