import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Database } from '~/db/client.server'
import { withSqlTransaction } from '~/db/sql-transaction.server'
import { openStoredFile, storeFile, StoredFileCorrupted, type FileOnDisk, type FileStoreBackend } from './file-store.server'
import { attachTestFile } from '../../../tests/support/attachments'
import { demoPeople, fileDraft } from '../../../tests/support/workflow'
import { testDatabaseKind } from '../../../tests/support/database'
import { seedDemoData } from '../../../prisma/seed'

/** A store to check, on a migrated, empty database, and what only the store itself can tell. */
export type FileStoreUnderTest = {
  db: Database
  backend: FileStoreBackend
  /** Replaces the stored bytes of `sha256` behind the store's back. */
  tamperWith(sha256: string, bytes: Uint8Array): Promise<void>
  /** How many times the bytes of `sha256` were written into the store and are kept there. */
  timesWritten(sha256: string): Promise<number>
  /** Whether the store holds bytes under `sha256`, referenced by a StoredFile row or not. */
  holds(sha256: string): Promise<boolean>
  stop(): Promise<void>
}

export type StoreContext = { store: FileStoreUnderTest; justificationId: string; ritaId: string }

export async function readAll(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = []
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part)
  return Buffer.concat(parts)
}

export function sha256Of(bytes: Uint8Array) {
  return createHash('sha256').update(bytes).digest('hex')
}

/** `bytes` in a temporary file, as the receive step leaves an upload, for as long as `use` runs. */
export async function withFileOnDisk<T>(bytes: Uint8Array, use: (file: FileOnDisk) => Promise<T>, mediaType = 'application/pdf'): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'solesource-test-store-'))
  try {
    const path = join(dir, 'file')
    await writeFile(path, bytes)
    return await use({ sha256: sha256Of(bytes), sizeBytes: bytes.byteLength, mediaType, path })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The behaviour every file store must have (ADR 026), as tests in the enclosing describe block.
 * `bytesOutliveRollback`: an object store writes at once, so a rolled-back transaction leaves its
 * bytes behind, unreferenced; PostgreSQL writes them in the transaction, so they go with it.
 * Returns the context for the store's own further tests (read it inside a test).
 */
export function fileStoreContract(start: () => Promise<FileStoreUnderTest>, { bytesOutliveRollback }: { bytesOutliveRollback: boolean }): () => StoreContext {
  let context: StoreContext | undefined
  beforeAll(async () => {
    const store = await start()
    await seedDemoData(store.db)
    const ritaId = (await demoPeople(store.db))['rita.romano']!
    const justificationId = (await fileDraft(store.db, { requesterId: ritaId, now: new Date('2026-12-01T09:00:00Z') })).id
    context = { store, justificationId, ritaId }
  })
  afterAll(async () => context?.store.stop())
  const current = () => {
    if (!context) throw new Error('the store under test is not started yet: read it inside a test')
    return context
  }
  const attach = (bytes: Uint8Array, fileName = 'quote.pdf') => {
    const { store, justificationId, ritaId } = current()
    return attachTestFile(store.db, { justificationId, addedById: ritaId, bytes, fileName, backend: store.backend })
  }
  const readBack = async (sha256: string) => {
    const opened = await openStoredFile(current().store.db, sha256)
    if (!opened) throw new Error(`nothing stored under ${sha256}`)
    return { ...opened, bytes: await readAll(opened.body) }
  }

  test.each([
    ['nothing at all', 0],
    ['a single byte', 1],
    ['several 1 MiB chunks and a bit', 2 * 1024 * 1024 + 12_345],
    ['a few MB', 5 * 1024 * 1024 + 7],
  ])('a file of %s (%i bytes) reads back byte for byte', async (_label, size) => {
    const bytes = randomBytes(size)
    const attachment = await attach(bytes)
    const stored = await current().store.db.storedFile.findUniqueOrThrow({ where: { sha256: attachment.sha256 } })
    expect(stored).toMatchObject({ sizeBytes: BigInt(size), store: current().store.backend.kind })
    const opened = await readBack(attachment.sha256)
    expect(opened.sizeBytes).toBe(size)
    expect(opened.bytes.equals(bytes)).toBe(true)
  })

  test('the same bytes attached twice are stored once: one StoredFile row, written once', async () => {
    const bytes = randomBytes(50_000)
    const first = await attach(bytes, 'a.pdf')
    const second = await attach(bytes, 'b.pdf')
    expect(second.sha256).toBe(first.sha256)
    const { store } = current()
    expect(await store.db.attachment.count({ where: { sha256: first.sha256 } })).toBe(2)
    expect(await store.db.storedFile.count({ where: { sha256: first.sha256 } })).toBe(1)
    expect(await store.timesWritten(first.sha256)).toBe(1)
  })

  test(`a transaction that rolls back leaves no StoredFile row (${bytesOutliveRollback ? 'its object stays, unreferenced, and is not sent again' : 'and no bytes'})`, async () => {
    const bytes = randomBytes(30_000)
    const sha256 = sha256Of(bytes)
    const { store } = current()
    await expect(
      withFileOnDisk(bytes, (file) =>
        withSqlTransaction(store.db, async (sql) => {
          await storeFile(sql, file, store.backend)
          throw new Error('the attachment could not be recorded')
        }),
      ),
    ).rejects.toThrow('the attachment could not be recorded')
    expect(await store.db.storedFile.count({ where: { sha256 } })).toBe(0)
    expect(await store.holds(sha256)).toBe(bytesOutliveRollback)

    await attach(bytes)
    expect((await readBack(sha256)).bytes.equals(bytes)).toBe(true)
    expect(await store.timesWritten(sha256)).toBe(1)
  })

  test('bytes that no longer hash to their name end the stream with an error, never a complete file', async () => {
    const attachment = await attach(randomBytes(10_000))
    await current().store.tamperWith(attachment.sha256, randomBytes(10_000))
    const opened = await openStoredFile(current().store.db, attachment.sha256)
    await expect(readAll(opened!.body)).rejects.toThrow(StoredFileCorrupted)
  })

  test('bytes cut short end the stream with an error too', async () => {
    const bytes = randomBytes(10_000)
    const attachment = await attach(bytes)
    await current().store.tamperWith(attachment.sha256, bytes.subarray(0, 9_000))
    const opened = await openStoredFile(current().store.db, attachment.sha256)
    await expect(readAll(opened!.body)).rejects.toThrow(/reads back as .* \(9000 bytes\)/)
  })

  test('an unknown hash opens nothing', async () => {
    expect(await openStoredFile(current().store.db, 'f'.repeat(64))).toBeNull()
  })

  test('two transactions storing the same new bytes at once both succeed, and leave one row written once', async () => {
    const bytes = randomBytes(40_000)
    const [first, second] = await Promise.all([attach(bytes, 'first.pdf'), attach(bytes, 'second.pdf')])
    expect(second.sha256).toBe(first.sha256)
    const { store } = current()
    expect(await store.db.attachment.count({ where: { sha256: first.sha256 } })).toBe(2)
    expect(await store.db.storedFile.count({ where: { sha256: first.sha256 } })).toBe(1)
    expect(await store.timesWritten(first.sha256)).toBe(1)
    expect((await readBack(first.sha256)).bytes.equals(bytes)).toBe(true)
  })

  // On a PostgreSQL server the second transaction's INSERT waits on the first's uncommitted row; the
  // embedded PGlite runs one transaction at a time (ADR 002), so there the second only begins once
  // the first has ended, which the rollback test above already covers.
  if (testDatabaseKind() === 'postgresql-server') {
    test.each([
      ['commits', false],
      ['rolls back', true],
    ])('a second transaction storing the same new bytes waits for the first; when the first %s, the bytes are written once', async (_label, firstRollsBack) => {
      const bytes = randomBytes(25_000)
      const sha256 = sha256Of(bytes)
      const { store } = current()
      let stored!: () => void
      let release!: () => void
      const firstHasStored = new Promise<void>((resolve) => (stored = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))
      const first = withFileOnDisk(bytes, (file) =>
        withSqlTransaction(store.db, async (sql) => {
          await storeFile(sql, file, store.backend)
          stored()
          await released
          if (firstRollsBack) throw new Error('the first transaction rolls back')
        }),
      )
      await firstHasStored
      const second = attach(bytes, 'second.pdf')
      await waitForALockWait(store.db)
      release()
      if (firstRollsBack) await expect(first).rejects.toThrow('the first transaction rolls back')
      else await first
      await second
      expect(await store.db.storedFile.count({ where: { sha256 } })).toBe(1)
      expect(await store.timesWritten(sha256)).toBe(1)
      expect((await readBack(sha256)).bytes.equals(bytes)).toBe(true)
    })
  }

  return current
}

/** Resolves once some session of this database is waiting for a lock (another's uncommitted row). */
async function waitForALockWait(db: Database) {
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`
    if (row && row.waiting > 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
