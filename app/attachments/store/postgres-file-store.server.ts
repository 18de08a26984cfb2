import { createReadStream } from 'node:fs'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Sql } from '~/db/sql-transaction.server'
import type { FileOnDisk, FileStoreBackend } from './file-store.server'

/** Bytes per row of StoredFileChunk: large enough for few round trips, small enough to never matter in memory. */
export const CHUNK_BYTES = 1024 * 1024

/** Reads a file from disk in pieces of exactly `size` bytes (the last one shorter). */
async function* piecesOf(path: string, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  for await (const data of createReadStream(path, { highWaterMark: size }) as AsyncIterable<Buffer>) {
    // The usual case, a full piece read at once, is passed on as it is: no copy to collect later.
    if (pendingBytes === 0 && data.byteLength === size) {
      yield data
      continue
    }
    pending.push(data)
    pendingBytes += data.byteLength
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending)
      yield joined.subarray(0, size)
      pending = [joined.subarray(size)]
      pendingBytes = joined.byteLength - size
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending)
}

/**
 * The default store: bytes in PostgreSQL, in the same database (embedded or server) and the same
 * transaction as the attachment and its audit event, so a backup holds them and a rollback takes them.
 */
export const postgresFileStore: FileStoreBackend = {
  kind: 'POSTGRES',
  async write(sql: Sql, file: FileOnDisk) {
    let seq = 0
    for await (const piece of piecesOf(file.path, CHUNK_BYTES)) {
      await sql.query('INSERT INTO "StoredFileChunk" ("sha256", "seq", "bytes") VALUES ($1, $2, $3)', [file.sha256, seq, piece])
      seq += 1
    }
  },
  read(db: DatabaseOrTransaction, sha256: string) {
    let seq = 0
    return new ReadableStream<Uint8Array>({
      // One chunk per pull: a slow reader holds back the next query, so memory stays at a chunk or two.
      async pull(controller) {
        const chunk = await db.storedFileChunk.findUnique({ where: { sha256_seq: { sha256, seq } }, select: { bytes: true } })
        if (!chunk) return controller.close()
        seq += 1
        controller.enqueue(chunk.bytes)
      },
    })
  },
}
