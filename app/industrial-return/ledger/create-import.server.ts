/**
 * Step 1 of a contract import (see run-imports.server.ts for the whole): the uploaded file is read
 * once, as it streams (never whole in memory), and stored in chunks of lines with its job, in one
 * transaction. What makes the file unimportable as a whole (not UTF-8, a NUL, a wrong header, no row,
 * too many rows or bytes) rolls that transaction back: nothing is stored, and the person is told why.
 */
import { createReadStream } from 'node:fs'
import { appendAuditEventWithSql, type RequestOrigin } from '~/audit/audit.server'
import { NotUtf8Error, splitCsvRecord, streamLines } from '~/csv/read-csv'
import { message } from '~/i18n/message'
import type { Database } from '~/db/client.server'
import { UTC_TIMESTAMP, withSqlTransaction, type Sql } from '~/db/sql-transaction.server'
import { readContractHeader } from './contract-csv.ts'
import { IMPORT_CHUNK_CHARS, IMPORT_CHUNK_ROWS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-limits.ts'
import { messageList } from './message-list.ts'

/** `message`: why the file is refused, messages of the return-data namespace (message-list.ts), sentences joined by a space where shown. */
export type CreateImportOutcome = { ok: true; jobId: string } | { ok: false; message: string }

/** The upload's temporary file (app/attachments/receive-upload.server.ts), read as it streams. */
export const readUploadedFile = (path: string): AsyncIterable<Uint8Array> => createReadStream(path, { highWaterMark: 256 * 1024 })

/** Why the file as a whole cannot be imported: rolls the upload's transaction back. */
class Unimportable extends Error {}

const NOTHING_IMPORTED = message('return-data:import.file.nothingImported')
const NOT_UTF8 = messageList([message('return-data:import.file.notUtf8'), NOTHING_IMPORTED])
export const TOO_LARGE = message('return-data:import.file.tooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 })
const EMPTY = message('return-data:import.file.empty')
const nulOnLine = (line: number) => messageList([message('return-data:import.file.nul', { line }), NOTHING_IMPORTED])

/** Counts the bytes going by; past the limit the file is refused. */
async function* counted(bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const piece of bytes) {
    counter.bytes += piece.byteLength
    if (counter.bytes > MAX_IMPORT_BYTES) throw new Unimportable(TOO_LARGE)
    yield piece
  }
}

/**
 * Checks the file as a whole while storing it, and queues it. `bytes` is the file, whole (tests) or
 * as a stream (the route reads it from the upload's temporary file).
 */
export async function createContractImport(
  db: Database,
  { fileName, bytes, actorId, now, origin }: { fileName: string; bytes: Uint8Array | AsyncIterable<Uint8Array>; actorId: string | null; now: Date; origin?: RequestOrigin },
): Promise<CreateImportOutcome> {
  const source = bytes instanceof Uint8Array ? [bytes] : bytes
  const name = fileName.replaceAll('\u0000', '').slice(0, 200) || 'contracts.csv'
  const counter = { bytes: 0 }
  try {
    const jobId = await withSqlTransaction(db, async (sql) => {
      const lines = streamLines(counted(source, counter))
      const first = await lines.next()
      if (first.done) throw new Unimportable(EMPTY)
      const header = first.value
      if (header.includes('\u0000')) throw new Unimportable(nulOnLine(1))
      const checked = readContractHeader(splitCsvRecord(header).fields)
      if (!checked.ok) {
        if (header.trim() === '') throw new Unimportable(EMPTY)
        const semicolons = header.includes(';') && !header.includes(',') ? [message('return-data:import.file.semicolons')] : []
        throw new Unimportable(messageList([checked.message, ...semicolons, NOTHING_IMPORTED]))
      }
      const { rows: created } = await sql.query<{ id: string }>(
        `INSERT INTO "ContractImportJob" ("id", "fileName", "header", "totalRows", "createdById", "createdAt") VALUES (gen_random_uuid(), $1, $2, 0, $3, ${UTC_TIMESTAMP('$4')}) RETURNING "id"`,
        [name, header, actorId, now.toISOString()],
      )
      const jobId = created[0]!.id
      const totalRows = await storeRows(sql, jobId, lines)
      if (totalRows === 0) throw new Unimportable(message('return-data:import.file.noRow'))
      if (totalRows > MAX_IMPORT_ROWS) throw new Unimportable(message('return-data:import.file.tooManyRows', { count: totalRows, max: MAX_IMPORT_ROWS }))
      await sql.query('UPDATE "ContractImportJob" SET "totalRows" = $2 WHERE "id" = $1', [jobId, totalRows])
      await appendAuditEventWithSql(sql, { type: 'CONTRACT_IMPORT_UPLOADED', actorId, subject: `import:${jobId}`, payload: { importJobId: jobId, fileName: name, totalRows }, origin, at: now })
      return jobId
    })
    return { ok: true, jobId }
  } catch (error) {
    if (error instanceof Unimportable) return { ok: false, message: error.message }
    if (error instanceof NotUtf8Error) return { ok: false, message: NOT_UTF8 }
    throw error
  }
}

/**
 * Stores the rows after the header in chunks of at most IMPORT_CHUNK_ROWS lines; answers how many
 * rows the file has. Blank lines at the end are not rows (blank lines between rows are, and are skipped
 * by the check). Past MAX_IMPORT_ROWS it only counts, to say how many rows the refused file has.
 */
async function storeRows(sql: Sql, jobId: string, lines: AsyncGenerator<string>): Promise<number> {
  let rows = 0
  let chunk: string[] = []
  let chunkChars = 0
  let chunkStart = 0
  let blanks: string[] = []
  const flush = async () => {
    if (chunk.length === 0) return
    await sql.query('INSERT INTO "ContractImportChunk" ("importJobId", "firstRow", "rowCount", "text") VALUES ($1, $2, $3, $4)', [jobId, chunkStart, chunk.length, chunk.join('\n')])
    chunkStart += chunk.length
    chunk = []
    chunkChars = 0
  }
  const add = async (line: string) => {
    rows++
    if (rows > MAX_IMPORT_ROWS) return
    chunk.push(line)
    chunkChars += line.length + 1
    if (chunk.length >= IMPORT_CHUNK_ROWS || chunkChars >= IMPORT_CHUNK_CHARS) await flush()
  }
  for await (const line of lines) {
    if (line.includes('\u0000')) throw new Unimportable(nulOnLine(rows + blanks.length + 2))
    if (line.trim() === '') {
      blanks.push(line)
      continue
    }
    for (const blank of blanks) await add(blank)
    blanks = []
    await add(line)
  }
  await flush()
  return rows
}
