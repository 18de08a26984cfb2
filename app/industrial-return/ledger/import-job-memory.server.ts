/**
 * What this process remembers of the imports it runs, so that a batch does not re-read the whole file
 * to find duplicate order numbers. Only a cache: everything is rebuilt from the stored text after a
 * restart, or when another instance ran the batches in between.
 */
import { splitCsvRecord } from '~/csv/read-csv'
import { readContractHeader, type ColumnMap } from './contract-csv.ts'

// Per job, what this process has read of it: the lines, and every order number met so far (to
// report duplicates within the file).
export type JobMemory = { lines: string[]; columns: ColumnMap; headerWidth: number; seen: Map<string, number>; seenUpTo: number }
const memory = new Map<string, JobMemory>()

export function rememberJob(jobId: string, content: string): JobMemory {
  let entry = memory.get(jobId)
  if (!entry) {
    const lines = content.split('\n')
    const headerFields = splitCsvRecord(lines[0] ?? '').fields
    const header = readContractHeader(headerFields)
    if (!header.ok) throw new Error(header.message)
    entry = { lines, columns: header.columns, headerWidth: headerFields.length, seen: new Map(), seenUpTo: 0 }
    if (memory.size > 4) memory.delete(memory.keys().next().value!)
    memory.set(jobId, entry)
  }
  return entry
}

function orderNumberOf(entry: JobMemory, index: number): string {
  const { fields } = splitCsvRecord(entry.lines[index + 1] ?? '')
  return (fields[entry.columns.order_number] ?? '').trim()
}

/** Makes `seen` hold the order numbers of the rows before `upTo` (after a restart, or another worker's batches). */
export function catchUpSeen(entry: JobMemory, upTo: number) {
  if (entry.seenUpTo > upTo) {
    entry.seen.clear()
    entry.seenUpTo = 0
  }
  for (let i = entry.seenUpTo; i < upTo; i++) {
    const orderNumber = orderNumberOf(entry, i)
    if (orderNumber !== '' && !entry.seen.has(orderNumber)) entry.seen.set(orderNumber, i + 2)
  }
  entry.seenUpTo = upTo
}

/** Drops a finished or failed job from memory. */
export function forgetJob(jobId: string): void {
  memory.delete(jobId)
}
