import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoData } from '../../prisma/seed'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../tests/support/database'
import { demoPeople, fileAndSubmit, fileDraft } from '../../tests/support/workflow'
import { loadTransitionRow } from './load-transition-row.server'
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
    expect(await loadTransitionRow(database.db, id)).toEqual(expected)
  })

  test('is the row Prisma includes: a draft without origin country or documents', async () => {
    const { id } = await fileDraft(database.db, { requesterId: ids['rita.romano']!, now, originCountryCode: undefined })
    const expected = await included(id)
    expect(expected).toMatchObject({ originCountry: null, attachments: [] })
    expect(await loadTransitionRow(database.db, id)).toEqual(expected)
  })

  test('is null for no such justification', async () => {
    expect(await loadTransitionRow(database.db, '00000000-0000-4000-8000-000000000000')).toBeNull()
  })
})
