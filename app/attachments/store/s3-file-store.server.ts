import { createReadStream } from 'node:fs'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import type { Sql } from '~/db/sql-transaction.server'
import type { FileOnDisk, FileStoreBackend } from './file-store.server'
import { FileStoreUnavailable, StoredFileCorrupted } from './file-store-errors'
import { describeStoreLocation, type S3StoreLocation } from './store-url'

/** Objects are named by their content: the same bytes always land on the same key. */
export function objectKeyFor(sha256: string) {
  return `sha256/${sha256}`
}

export type S3FileStore = FileStoreBackend & { readonly client: S3Client; readonly bucket: string }

function isMissing(error: unknown) {
  return error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
}

// An answer without a body (any answer to HeadObject) leaves the SDK only the status to go by.
const STATUS_MEANING: Record<number, string> = {
  400: 'bad request',
  401: 'not signed in',
  403: 'access denied (check the credentials and the bucket policy)',
  404: 'not found (check the bucket)',
  500: 'server error',
  503: 'unavailable',
}

function reason(error: unknown) {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode
    const name = error.name === 'Unknown' || error.name === 'UnknownError' ? ((status && STATUS_MEANING[status]) ?? 'error') : error.name
    return `${name} (HTTP ${status ?? '?'})`
  }
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

/**
 * An S3-compatible object store (ADR 026). The object is written before the caller's transaction
 * commits: if that transaction then rolls back, the object is only unreferenced, and the next store
 * of the same bytes finds it there and does not send them again.
 */
export function createS3FileStore(location: S3StoreLocation): S3FileStore {
  const where = describeStoreLocation(location)
  const client = new S3Client({
    endpoint: location.endpoint,
    region: location.region,
    credentials: location.credentials,
    forcePathStyle: location.forcePathStyle,
    // With its defaults and no checksum of ours, the SDK sends a stream aws-chunked with a CRC32
    // trailer, which some S3-compatible servers (s3rver, at least) keep framing and all: a file
    // read back longer than it was written. So SDK checksums only where an operation requires them;
    // PutObject carries our own SHA-256 as a plain header (a server that knows it checks the body),
    // and every read is verified against the hash by openStoredFile anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that does not answer fails the upload in seconds instead of holding its transaction.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
  })
  const bucket = location.bucket

  async function storedLength(key: string): Promise<number | null> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      return head.ContentLength ?? null
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  return {
    kind: 'S3',
    client,
    bucket,
    async write(_sql: Sql, file: FileOnDisk) {
      const key = objectKeyFor(file.sha256)
      try {
        // Left by a transaction that rolled back, or by another database on the same bucket.
        if ((await storedLength(key)) === file.sizeBytes) return
        const body = createReadStream(file.path)
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentLength: file.sizeBytes,
              ContentType: file.mediaType,
              ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
            }),
          )
        } finally {
          body.destroy()
        }
      } catch (error) {
        throw new FileStoreUnavailable(`The document store ${where} did not take the file: ${reason(error)}`, { cause: error })
      }
    },
    read(_db, sha256) {
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
      // A reader that gives up (a closed download) ends the request too, even before its body came.
      const abandoned = new AbortController()
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!reader) {
            try {
              const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKeyFor(sha256) }), { abortSignal: abandoned.signal })
              if (!object.Body) throw new Error('the answer had no body')
              reader = object.Body.transformToWebStream().getReader()
            } catch (error) {
              if (isMissing(error)) throw new StoredFileCorrupted(`Stored file ${sha256} is missing from the document store ${where}`)
              throw new FileStoreUnavailable(`The document store ${where} did not give the file: ${reason(error)}`, { cause: error })
            }
          }
          const { done, value } = await reader.read().catch((error: unknown) => {
            throw new FileStoreUnavailable(`The document store ${where} broke off the file: ${reason(error)}`, { cause: error })
          })
          if (done) controller.close()
          else controller.enqueue(value)
        },
        async cancel(why) {
          abandoned.abort()
          await reader?.cancel(why)
        },
      })
    },
  }
}

const SLOT = '__solesourceS3FileStore'

/**
 * The store for `url`, one per process (one S3Client and its connection pool). Kept on globalThis
 * like the database client (app/db/one-per-process.server.ts): the server entry and the Remix build
 * are two module graphs in one process.
 */
export function s3FileStoreFor(url: string, location: S3StoreLocation): S3FileStore {
  const slots = globalThis as unknown as Record<string, { url: string; store: S3FileStore } | undefined>
  const existing = slots[SLOT]
  if (existing && existing.url === url) return existing.store
  const store = createS3FileStore(location)
  slots[SLOT] = { url, store }
  return store
}
