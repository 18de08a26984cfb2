import { randomBytes } from 'node:crypto'
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { resetEnvForTests } from '~/env.server'
import { configuredFileStore, fileStoreFor, FileStoreUnavailable, openStoredFile, StoredFileCorrupted } from './file-store.server'
import { fileStoreContract, readAll, sha256Of } from './file-store.contract'
import { createS3FileStore, objectKeyFor, type S3FileStore } from './s3-file-store.server'
import { parseStoreUrl } from './store-url'
import { attachTestFile } from '../../../tests/support/attachments'
import { createTestDatabase, testDatabaseKind } from '../../../tests/support/database'
import { startS3Server, type TestS3Server } from '../../../tests/support/s3-server'

function storeAt(url: string) {
  const parsed = parseStoreUrl(url)
  if (!parsed.ok) throw new Error(parsed.problem)
  return createS3FileStore(parsed.location)
}

function useStoreUrl(url: string | undefined) {
  if (url === undefined) delete process.env.ATTACHMENT_STORE_URL
  else process.env.ATTACHMENT_STORE_URL = url
  resetEnvForTests()
}

describe(`the S3-compatible file store (s3rver, ${testDatabaseKind()})`, () => {
  const urlBefore = process.env.ATTACHMENT_STORE_URL
  afterAll(() => useStoreUrl(urlBefore))

  // New files go where ATTACHMENT_STORE_URL says, and are read back from there: the app's own path.
  const current = fileStoreContract(
    async () => {
      const server = await startS3Server()
      useStoreUrl(server.url)
      const database = await createTestDatabase()
      const backend = configuredFileStore() as S3FileStore
      return {
        db: database.db,
        backend,
        async tamperWith(sha256, bytes) {
          await backend.client.send(new PutObjectCommand({ Bucket: backend.bucket, Key: objectKeyFor(sha256), Body: bytes }))
        },
        timesWritten: async (sha256) => server.writesOf(objectKeyFor(sha256)),
        async holds(sha256) {
          const head = await backend.client.send(new HeadObjectCommand({ Bucket: backend.bucket, Key: objectKeyFor(sha256) })).catch(() => null)
          return head !== null
        },
        async stop() {
          await database.drop()
          await server.stop()
        },
      }
    },
    { bytesOutliveRollback: true },
  )

  test('ATTACHMENT_STORE_URL makes S3 the store of new files, with one client per process', () => {
    expect(configuredFileStore().kind).toBe('S3')
    expect(configuredFileStore()).toBe(current().store.backend)
    expect(fileStoreFor('S3')).toBe(current().store.backend)
  })

  test('a file recorded as kept in S3 cannot be opened without ATTACHMENT_STORE_URL, and says why', async () => {
    const { store, justificationId, ritaId } = current()
    const attachment = await attachTestFile(store.db, { justificationId, addedById: ritaId, bytes: randomBytes(1_000), backend: store.backend })
    const url = process.env.ATTACHMENT_STORE_URL
    useStoreUrl(undefined)
    try {
      expect(configuredFileStore().kind).toBe('POSTGRES')
      await expect(openStoredFile(store.db, attachment.sha256)).rejects.toThrow(new FileStoreUnavailable('This document is kept in an S3-compatible store, but ATTACHMENT_STORE_URL is not set: set it to the store the document was written to'))
    } finally {
      useStoreUrl(url)
    }
  })

  describe('a store that is down', () => {
    let stopped: TestS3Server
    beforeAll(async () => {
      stopped = await startS3Server()
      await stopped.stop()
    })

    test('storing into it fails with a clear error, and the transaction leaves nothing', async () => {
      const { store, justificationId, ritaId } = current()
      const bytes = randomBytes(20_000)
      const attempt = attachTestFile(store.db, { justificationId, addedById: ritaId, bytes, fileName: 'outage.pdf', backend: storeAt(stopped.url) })
      await expect(attempt).rejects.toThrow(FileStoreUnavailable)
      await expect(attempt).rejects.toThrow(/^The document store http:\/\/127\.0\.0\.1:\d+\/solesource-test did not take the file: .*ECONNREFUSED/)
      expect(await store.db.storedFile.count({ where: { sizeBytes: 20_000 } })).toBe(0)
      expect(await store.db.attachment.count({ where: { fileName: 'outage.pdf' } })).toBe(0)
    })

    test('reading from it ends the stream with a clear error', async () => {
      const { store, justificationId, ritaId } = current()
      const attachment = await attachTestFile(store.db, { justificationId, addedById: ritaId, bytes: randomBytes(2_000), backend: store.backend })
      const url = process.env.ATTACHMENT_STORE_URL
      useStoreUrl(stopped.url)
      try {
        const opened = await openStoredFile(store.db, attachment.sha256)
        await expect(readAll(opened!.body)).rejects.toThrow(/^The document store http:\/\/127\.0\.0\.1:\d+\/solesource-test did not give the file: .*ECONNREFUSED/)
      } finally {
        useStoreUrl(url)
      }
    })
  })

  test.each([
    // s3rver checks the access key of a SigV4 request, not its signature.
    ['refuses the credentials', (url: string) => url.replace('S3RVER:S3RVER@', 'NOBODY:S3RVER@'), /solesource-test did not take the file: access denied \(check the credentials and the bucket policy\) \(HTTP 403\)$/],
    ['has no such bucket', (url: string) => url.replace('/solesource-test?', '/no-such-bucket?'), /no-such-bucket did not take the file: NoSuchBucket \(HTTP 404\)$/],
  ])('a store that %s fails the upload with a clear error, and the transaction leaves nothing', async (_label, misconfigure, problem) => {
    const { store, justificationId, ritaId } = current()
    const bytes = randomBytes(7_000)
    const attempt = attachTestFile(store.db, { justificationId, addedById: ritaId, bytes, fileName: 'misconfigured.pdf', backend: storeAt(misconfigure(process.env.ATTACHMENT_STORE_URL!)) })
    await expect(attempt).rejects.toThrow(FileStoreUnavailable)
    await expect(attempt).rejects.toThrow(problem)
    expect(await store.db.storedFile.count({ where: { sha256: sha256Of(bytes) } })).toBe(0)
    expect(await store.db.attachment.count({ where: { fileName: 'misconfigured.pdf' } })).toBe(0)
  })

  test('an object missing from the bucket ends the stream with an error, never an empty file', async () => {
    const { store } = current()
    const sha256 = sha256Of(randomBytes(3_000))
    await store.db.storedFile.create({ data: { sha256, sizeBytes: 3_000n, mediaType: 'application/pdf', store: 'S3' } })
    const opened = await openStoredFile(store.db, sha256)
    const reading = readAll(opened!.body)
    await expect(reading).rejects.toThrow(StoredFileCorrupted)
    await expect(reading).rejects.toThrow(new RegExp(`^Stored file ${sha256} is missing from the document store http://127\\.0\\.0\\.1:\\d+/solesource-test$`))
  })
})
