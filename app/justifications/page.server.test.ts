import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit } from '../../tests/support/workflow'
import { translatorFor } from '~/i18n/i18n.server'
import { explanationText } from '~/workflow/explanation'
import { loadJustificationPage } from './page.server'

/** A timeline line's details as a reader of this language reads them. */
const read = (language: 'en' | 'fr', details: string | null | undefined) => explanationText(translatorFor(language, 'justifications'), details ?? '')

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
    expect(read('en', line?.details)).toBe('Signature policy version 1. Amount: CHF\u00a050’000.01. No supporting document.')
    expect(read('en', line?.details)).not.toContain('rate')
    expect(read('fr', line?.details)).toBe('Politique de signature, version 1. Montant : 50’000.01\u00a0CHF. Aucune pièce justificative.')
  })

  test('another currency shows its CHF equivalent and the rate used', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now, amount: 5_000_000, currency: 'EUR' })
    expect(read('en', (await submittedLine(id))?.details)).toBe('Signature policy version 1. Amount: EUR\u00a050’000.00 = CHF\u00a047’060.00 at rate 0.9412 of 1 Jan 2026. No supporting document.')
  })

  test('its times read on Geneva’s clock with the zone name, and carry the instant for a <time> element', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const line = await submittedLine(id)
    // Submitted at `now`, 09:00 UTC: 10:00 in Geneva, in winter time.
    expect(line).toMatchObject({ at: '26 Nov 2026, 10:00 CET', atIso: '2026-11-26T09:00:00.000Z' })
  })
})
