/**
 * What this process remembers of the imports it runs: the chunk of rows being checked (read once from
 * ContractImportChunk, then sliced by batches) and every order number met so far (to report duplicates
 * within the file). Only a cache: after a restart, or when another instance ran the batches in between,
 * the order numbers are read again from the chunks before the next batch.
 */
import { splitCsvRecord } from '~/csv/read-csv'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { readContractHeader, type ColumnMap } from './contract-csv.ts'

type Chunk = { firstRow: number; lines: string[] }
export type JobMemory = { columns: ColumnMap; headerWidth: number; seen: Map<string, number>; seenUpTo: number; chunk: Chunk | null }
const memory = new Map<string, JobMemory>()

export function rememberJob(jobId: string, header: string): JobMemory {
  let entry = memory.get(jobId)
  if (!entry) {
    const headerFields = splitCsvRecord(header).fields
    const checked = readContractHeader(headerFields)
    if (!checked.ok) throw new Error(checked.message)
    entry = { columns: checked.columns, headerWidth: headerFields.length, seen: new Map(), seenUpTo: 0, chunk: null }
    if (memory.size > 4) memory.delete(memory.keys().next().value!)
    memory.set(jobId, entry)
  }
  return entry
}

/** The rows of the chunk that holds row `row` (0-based, after the header), read from the database only when it is not the one in memory. */
export async function chunkHolding(db: DatabaseOrTransaction, jobId: string, entry: JobMemory, row: number): Promise<Chunk> {
  const held = entry.chunk
  if (held && held.firstRow <= row && row < held.firstRow + held.lines.length) return held
  const found = await db.contractImportChunk.findFirst({ where: { importJobId: jobId, firstRow: { lte: row } }, orderBy: { firstRow: 'desc' }, select: { firstRow: true, text: true } })
  if (!found) throw new Error(`the uploaded rows from ${row + 1} on are missing`)
  entry.chunk = { firstRow: found.firstRow, lines: found.text.split('\n') }
  return entry.chunk
}

/** Makes `seen` hold the order numbers of the rows before `upTo` (after a restart, or another worker's batches). */
export async function catchUpSeen(db: DatabaseOrTransaction, jobId: string, entry: JobMemory, upTo: number) {
  if (entry.seenUpTo > upTo) {
    entry.seen.clear()
    entry.seenUpTo = 0
  }
  while (entry.seenUpTo < upTo) {
    const chunk = await chunkHolding(db, jobId, entry, entry.seenUpTo)
    const end = Math.min(upTo, chunk.firstRow + chunk.lines.length)
    for (let i = entry.seenUpTo; i < end; i++) {
      const orderNumber = (splitCsvRecord(chunk.lines[i - chunk.firstRow] ?? '').fields[entry.columns.order_number] ?? '').trim()
      if (orderNumber !== '' && !entry.seen.has(orderNumber)) entry.seen.set(orderNumber, i + 2)
    }
    entry.seenUpTo = end
  }
}

/** Drops a finished or failed job from memory. */
export function forgetJob(jobId: string): void {
  memory.delete(jobId)
}
