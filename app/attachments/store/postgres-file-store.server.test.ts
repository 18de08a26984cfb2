import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openStoredFile } from './file-store.server'
import { CHUNK_BYTES } from './postgres-file-store.server'
import { attachTestFile } from '../../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../../tests/support/database'
import { demoPeople, fileDraft } from '../../../tests/support/workflow'
import { seedDemoData } from '../../../prisma/seed'

async function readAll(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = []
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part)
  return Buffer.concat(parts)
}

describe(`the PostgreSQL file store (${testDatabaseKind()})`, () => {
  let database: TestDatabase
  let ids: Record<string, string>
  let justificationId: string

  beforeAll(async () => {
    database = await createTestDatabase()
    await seedDemoData(database.db)
    ids = await demoPeople(database.db)
    justificationId = (await fileDraft(database.db, { requesterId: ids['rita.romano']!, now: new Date('2026-12-01T09:00:00Z') })).id
  })
  afterAll(async () => database?.drop())

  test('a file of several chunks reads back byte for byte, from rows of at most 1 MiB', async () => {
    const bytes = randomBytes(2 * CHUNK_BYTES + 12_345)
    const attachment = await attachTestFile(database.db, { justificationId, addedById: ids['rita.romano']!, bytes, mediaType: 'application/octet-stream' })
    const chunks = await database.db.storedFileChunk.findMany({ where: { sha256: attachment.sha256 }, orderBy: { seq: 'asc' } })
    expect(chunks.map((c) => [c.seq, c.bytes.byteLength])).toEqual([[0, CHUNK_BYTES], [1, CHUNK_BYTES], [2, 12_345]])
    const opened = await openStoredFile(database.db, attachment.sha256)
    expect(opened?.sizeBytes).toBe(bytes.byteLength)
    expect((await readAll(opened!.body)).equals(bytes)).toBe(true)
  })

  test('the same bytes attached twice are stored once', async () => {
    const bytes = randomBytes(50_000)
    const first = await attachTestFile(database.db, { justificationId, addedById: ids['rita.romano']!, bytes, fileName: 'a.pdf' })
    const second = await attachTestFile(database.db, { justificationId, addedById: ids['rita.romano']!, bytes, fileName: 'b.pdf' })
    expect(second.sha256).toBe(first.sha256)
    expect(await database.db.storedFile.count({ where: { sha256: first.sha256 } })).toBe(1)
    expect(await database.db.storedFileChunk.count({ where: { sha256: first.sha256 } })).toBe(1)
  })

  test('bytes that no longer hash to their name end the stream with an error, never a complete file', async () => {
    const attachment = await attachTestFile(database.db, { justificationId, addedById: ids['rita.romano']!, bytes: randomBytes(10_000) })
    await database.db.storedFileChunk.update({ where: { sha256_seq: { sha256: attachment.sha256, seq: 0 } }, data: { bytes: Uint8Array.from(randomBytes(10_000)) } })
    const opened = await openStoredFile(database.db, attachment.sha256)
    await expect(readAll(opened!.body)).rejects.toThrow(/reads back as/)
  })

  test('an unknown hash opens nothing', async () => {
    expect(await openStoredFile(database.db, 'f'.repeat(64))).toBeNull()
  })
})
