import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../tests/support/database'
import { pdfText } from '../../../tests/support/pdf-text'
import { demoPeople, fileAndSubmit } from '../../../tests/support/workflow'
import { parseListQuery, PROCUREMENT_LIST_DEFAULT_SORT } from '../list-query'
import type { Viewer } from '../visibility.server'
import { justificationsZip, zipOfRecords } from './justifications-zip.server'

describe(`procurement's list as a ZIP of PDFs (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let paula: Viewer
  const references: Record<string, string> = {}
  const idsOf: Record<string, string> = {}
  const now = new Date('2026-11-26T09:00:00Z')
  const query = (text: string) => parseListQuery(new URLSearchParams(text), PROCUREMENT_LIST_DEFAULT_SORT).query

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    const ids = await demoPeople(database.db)
    paula = await database.db.person.findUniqueOrThrow({ where: { id: ids['paula.procurement']! } })
    for (const [key, requester, groupCode] of [
      ['mme1', 'rita.romano', 'EN-MME'],
      ['mme2', 'ruben.rasmussen', 'EN-MME'],
      ['el', 'emil.eriksen', 'EN-EL'],
    ] as const) {
      const submitted = await fileAndSubmit(database.db, { requesterId: ids[requester]!, groupCode, now, amount: 2_000_000, title: `Bellows for ${key}` })
      idsOf[key] = submitted.id
      references[key] = (await database.db.justification.findUniqueOrThrow({ where: { id: submitted.id } })).reference
    }
  })
  afterAll(async () => database?.drop())

  const unzip = async (stream: ReadableStream<Uint8Array>) => unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()))

  test('one PDF per justification of the filtered list, named by its reference, each its own record', async () => {
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const result = await justificationsZip(database.db, paula, query(`group=${group.id}&sort=reference&dir=asc`), now, { language: 'en' })
    expect(result).toMatchObject({ ok: true, count: 2 })
    const files = await unzip((result as Extract<typeof result, { ok: true }>).stream)
    expect(Object.keys(files)).toEqual([`${references.mme1}.pdf`, `${references.mme2}.pdf`])
    for (const key of ['mme1', 'mme2']) {
      const text = await pdfText(files[`${references[key]}.pdf`]!)
      expect(text).toContain(`${references[key]}: Bellows for ${key}`)
    }
  })

  test('the ZIP speaks the language of the officer who downloads it, in every PDF', async () => {
    const group = await database.db.group.findUniqueOrThrow({ where: { code: 'EN-MME' } })
    const result = await justificationsZip(database.db, paula, query(`group=${group.id}&sort=reference&dir=asc`), now, { language: 'fr' })
    const files = await unzip((result as Extract<typeof result, { ok: true }>).stream)
    for (const key of ['mme1', 'mme2']) {
      const text = await pdfText(files[`${references[key]}.pdf`]!)
      expect(text).toContain(`${references[key]} : Bellows for ${key}`)
      expect(text).toContain('Statut En attente de signature')
      expect(text).not.toContain('Awaiting signature')
    }
  })

  test('an empty list gives an empty ZIP; too long a list is refused with its count, not cut short', async () => {
    const none = await justificationsZip(database.db, paula, query('q=nothing-matches-this'), now, { language: 'en' })
    expect(none).toMatchObject({ ok: true, count: 0 })
    expect(Object.keys(await unzip((none as Extract<typeof none, { ok: true }>).stream))).toEqual([])
    expect(await justificationsZip(database.db, paula, query(''), now, { language: 'en', limit: 2 })).toEqual({ ok: false, count: 3, limit: 2 })
  })

  test('a justification gone between the list and its drawing is left out, and the ZIP still ends', async () => {
    const gone = '00000000-0000-4000-8000-000000000000'
    const files = await unzip(zipOfRecords(database.db, paula, [gone, idsOf.mme1!, gone, gone], now, 'en'))
    expect(Object.keys(files)).toEqual([`${references.mme1}.pdf`])
    expect(Object.keys(await unzip(zipOfRecords(database.db, paula, [gone], now, 'en')))).toEqual([])
  })
})
