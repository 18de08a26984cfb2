import { createHash } from 'node:crypto'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { UTC_TIMESTAMP, type Sql } from '~/db/sql-transaction.server'
import { getEnv } from '~/env.server'
import type { FileStore } from '~/generated/prisma/client'
import { FileStoreUnavailable, StoredFileCorrupted } from './file-store-errors'
import { postgresFileStore } from './postgres-file-store.server'
import { s3FileStoreFor } from './s3-file-store.server'
import { parseStoreUrl } from './store-url'

export { FileStoreUnavailable, StoredFileCorrupted }

/** A received file, already on local disk (never whole in memory), with what was learnt from its bytes. */
export type FileOnDisk = { sha256: string; sizeBytes: number; mediaType: string; path: string }

/**
 * Where the bytes of stored files are kept (ADR 026). Content-addressed: a file is written under its
 * SHA-256, so writing the same bytes twice is harmless and reading by hash needs no other name.
 */
export interface FileStoreBackend {
  readonly kind: FileStore
  /** Writes the bytes of `file` under its hash. PostgreSQL writes inside the caller's plain
   * transaction (`sql`, see withSqlTransaction); an object store writes at once (an object left by a
   * transaction that then rolls back is only unreferenced). */
  write(sql: Sql, file: FileOnDisk): Promise<void>
  /** The bytes stored under `sha256`, as a stream read piece by piece. */
  read(db: DatabaseOrTransaction, sha256: string): ReadableStream<Uint8Array>
}

/** The backend new files go to: PostgreSQL unless ATTACHMENT_STORE_URL names an object store. */
export function configuredFileStore(): FileStoreBackend {
  return getEnv().ATTACHMENT_STORE_URL ? s3FileStore() : postgresFileStore
}

/** The backend that holds files recorded as kept in `kind` (they stay where they were written). */
export function fileStoreFor(kind: FileStore): FileStoreBackend {
  switch (kind) {
    case 'POSTGRES':
      return postgresFileStore
    case 'S3':
      return s3FileStore()
  }
}

function s3FileStore() {
  const url = getEnv().ATTACHMENT_STORE_URL
  if (!url) throw new FileStoreUnavailable('This document is kept in an S3-compatible store, but ATTACHMENT_STORE_URL is not set: set it to the store the document was written to')
  const parsed = parseStoreUrl(url)
  // getEnv() has validated the URL already; this only narrows the type.
  if (!parsed.ok) throw new FileStoreUnavailable(`ATTACHMENT_STORE_URL ${parsed.problem}`)
  return s3FileStoreFor(url, parsed.location)
}

/**
 * Records a file and writes its bytes, inside the caller's transaction (the one that writes the
 * attachment and its audit event: a plain pg transaction, app/db/sql-transaction.server.ts). A file whose hash is already stored is not written again. Of two
 * transactions storing the same new bytes, the second waits on the first's row and writes only if
 * the first rolled back.
 */
export async function storeFile(sql: Sql, file: FileOnDisk, backend: FileStoreBackend = configuredFileStore()): Promise<void> {
  const inserted = await sql.query(
    `INSERT INTO "StoredFile" ("sha256", "sizeBytes", "mediaType", "store", "createdAt")
     VALUES ($1, $2, $3, $4::"FileStore", ${UTC_TIMESTAMP('$5')})
     ON CONFLICT ("sha256") DO NOTHING
     RETURNING "sha256"`,
    [file.sha256, file.sizeBytes, file.mediaType, backend.kind, new Date().toISOString()],
  )
  if (inserted.rowCount === 1) await backend.write(sql, file)
}

export type OpenedFile = { sha256: string; sizeBytes: number; mediaType: string; body: ReadableStream<Uint8Array> }

/**
 * The bytes of a stored file, or null if none has this hash. The stream checks what it serves: if the
 * bytes read do not hash to `sha256` (or their length differs), it ends with an error instead of
 * finishing, so a reader never receives a complete-looking file that is not the one that was signed.
 */
export async function openStoredFile(db: Database, sha256: string): Promise<OpenedFile | null> {
  const row = await db.storedFile.findUnique({ where: { sha256 } })
  if (!row) return null
  const sizeBytes = Number(row.sizeBytes)
  const hash = createHash('sha256')
  let length = 0
  const verified = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk)
      length += chunk.byteLength
      controller.enqueue(chunk)
    },
    flush(controller) {
      const actual = hash.digest('hex')
      if (actual !== sha256 || length !== sizeBytes) controller.error(new StoredFileCorrupted(`Stored file ${sha256} reads back as ${actual} (${length} bytes)`))
    },
  })
  return { sha256, sizeBytes, mediaType: row.mediaType, body: fileStoreFor(row.store).read(db, sha256).pipeThrough(verified) }
}
