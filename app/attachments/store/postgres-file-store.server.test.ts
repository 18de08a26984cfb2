import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { fileStoreContract } from './file-store.contract'
import { CHUNK_BYTES, postgresFileStore } from './postgres-file-store.server'
import { attachTestFile } from '../../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind } from '../../../tests/support/database'

describe(`the PostgreSQL file store (${testDatabaseKind()})`, () => {
  const current = fileStoreContract(
    async () => {
      const database = await createTestDatabase()
      const { db } = database
      return {
        db,
        backend: postgresFileStore,
        async tamperWith(sha256, bytes) {
          await db.$transaction(async (tx) => {
            await tx.storedFileChunk.deleteMany({ where: { sha256 } })
            for (let seq = 0; seq * CHUNK_BYTES < bytes.byteLength; seq += 1) {
              await tx.storedFileChunk.create({ data: { sha256, seq, bytes: Uint8Array.from(bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)) } })
            }
          })
        },
        // The first chunk's row: (sha256, seq) is the key, so a second write would have failed.
        timesWritten: (sha256) => db.storedFileChunk.count({ where: { sha256, seq: 0 } }),
        holds: async (sha256) => (await db.storedFileChunk.count({ where: { sha256 } })) > 0,
        stop: database.drop,
      }
    },
    { bytesOutliveRollback: false },
  )

  test('bytes are kept in rows of exactly 1 MiB, the last one shorter', async () => {
    const { store, justificationId, ritaId } = current()
    const attachment = await attachTestFile(store.db, { justificationId, addedById: ritaId, bytes: randomBytes(2 * CHUNK_BYTES + 12_345) })
    const chunks = await store.db.storedFileChunk.findMany({ where: { sha256: attachment.sha256 }, orderBy: { seq: 'asc' } })
    expect(chunks.map((c) => [c.seq, c.bytes.byteLength])).toEqual([[0, CHUNK_BYTES], [1, CHUNK_BYTES], [2, 12_345]])
  })
})
