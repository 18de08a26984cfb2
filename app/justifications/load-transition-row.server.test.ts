import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, fileDraft } from '../../tests/support/workflow'
import { loadCovered } from '~/attachments/load-covered.server'
import { coveredByRow, loadTransitionRow, type TransitionRow } from './load-transition-row.server'
import { emailRowInclude } from './notifications.server'

describe(`the transition's row in one statement (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  const now = new Date('2026-11-26T09:00:00Z')
  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
  })
  afterAll(async () => database?.drop())

  const included = (id: string) => database.db.justification.findUnique({ where: { id }, include: emailRowInclude })
  // The row as the include reads it, and what the join adds: the documents' ids, the chain's people.
  const asIncluded = (row: TransitionRow | null) => row && (({ chainPeople: _people, ...rest }) => ({ ...rest, attachments: rest.attachments.map(({ id: _id, ...a }) => a) }))(row)

  test('is the row Prisma includes: a submitted justification with documents, one removed', async () => {
    const { id } = await fileAndSubmit(database.db, { requesterId: ids['rita.romano']!, now })
    const file = await database.db.storedFile.create({ data: { sha256: 'a'.repeat(64), sizeBytes: 1234n, mediaType: 'application/pdf', store: 'POSTGRES' } })
    const attach = (fileName: string, addedAt: Date, removedAt: Date | null = null) =>
      database.db.attachment.create({ data: { justificationId: id, sha256: file.sha256, kind: 'QUOTE', fileName, sizeBytes: 1234n, mediaType: 'application/pdf', addedById: ids['rita.romano']!, addedAt, removedAt } })
    await attach('second.pdf', new Date('2026-11-26T10:00:00Z'))
    await attach('first.pdf', new Date('2026-11-26T08:00:00Z'))
    await attach('removed.pdf', new Date('2026-11-26T07:00:00Z'), new Date('2026-11-26T07:30:00Z'))
    const expected = await included(id)
    expect(expected?.attachments.map((a) => a.fileName)).toEqual(['first.pdf', 'second.pdf'])
    const row = await loadTransitionRow(database.db, id)
    expect(asIncluded(row)).toEqual(expected)
    // What a signature covers, as loadCovered reads it.
    expect(coveredByRow(row!)).toEqual(await loadCovered(database.db, row!))
    // The people the stored chain names: its signatories (Marta Mendes and Elena Navarro at 60 000 CHF).
    const chain = (row!.snapshot as { context: { chain: { signatoryId: string }[] } }).context.chain
    expect(row!.chainPeople.map((p) => p.id).sort()).toEqual([...new Set(chain.map((s) => s.signatoryId))].sort())
    expect(row!.chainPeople.find((p) => p.id === ids['marta.mendes'])).toEqual({ id: ids['marta.mendes'], name: 'Marta Mendes', email: 'marta.mendes@example.org', preferredLanguage: null })
  })

  test('is the row Prisma includes: a draft without origin country or documents', async () => {
    const { id } = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now, originCountryCode: undefined })
    const expected = await included(id)
    expect(expected).toMatchObject({ originCountry: null, attachments: [] })
    const row = await loadTransitionRow(database.db, id)
    expect(asIncluded(row)).toEqual(expected)
    expect(row?.chainPeople).toEqual([])
  })

  test('is null for no such justification', async () => {
    expect(await loadTransitionRow(database.db, '00000000-0000-4000-8000-000000000000')).toBeNull()
    expect(await loadTransitionRow(database.db, 'not-an-id')).toBeNull()
  })
})
