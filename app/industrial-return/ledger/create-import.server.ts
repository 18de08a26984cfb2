/**
 * Step 1 of a contract import (see run-imports.server.ts for the whole): the uploaded file is decoded
 * and its header checked at once; an unreadable file or a wrong header is refused before anything is
 * stored. Otherwise the text is kept in a ContractImportJob and the person is sent to its progress page.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { firstLineWithNul, linesOf, nulInFileMessage, splitCsvRecord } from '~/csv/read-csv'
import type { Database } from '~/db/client.server'
import { readContractHeader } from './contract-csv.ts'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-limits.ts'

export type CreateImportOutcome = { ok: true; jobId: string } | { ok: false; message: string }

/** Checks the file as a whole and queues it; nothing is stored when the file cannot be imported at all. */
export async function createContractImport(
  db: Database,
  { fileName, bytes, actorId, now, origin }: { fileName: string; bytes: Uint8Array; actorId: string | null; now: Date; origin?: RequestOrigin },
): Promise<CreateImportOutcome> {
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' }
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into several files.` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, message: 'The file is not readable as UTF-8 text. Save it as "CSV UTF-8 (comma delimited)" and upload it again. Nothing was imported.' }
  }
  const lines = linesOf(text)
  if (lines.length === 0) return { ok: false, message: 'The file is empty.' }
  const nulLine = firstLineWithNul(lines)
  if (nulLine !== null) return { ok: false, message: nulInFileMessage(nulLine) }
  const header = readContractHeader(splitCsvRecord(lines[0]!).fields)
  if (!header.ok) {
    const semicolons = lines[0]!.includes(';') && !lines[0]!.includes(',') ? ' The fields seem separated by semicolons: save the file with commas.' : ''
    return { ok: false, message: `${header.message}${semicolons} Nothing was imported.` }
  }
  const totalRows = lines.length - 1
  if (totalRows === 0) return { ok: false, message: 'The file has a header but no contract.' }
  if (totalRows > MAX_IMPORT_ROWS) return { ok: false, message: `The file has ${totalRows} rows; at most ${MAX_IMPORT_ROWS} are accepted per file.` }

  const job = await db.$transaction(async (tx) => {
    const created = await tx.contractImportJob.create({ data: { fileName: fileName.replaceAll('\u0000', '').slice(0, 200) || 'contracts.csv', content: lines.join('\n'), totalRows, createdById: actorId, createdAt: now } })
    await appendAuditEvent(tx, { type: 'CONTRACT_IMPORT_UPLOADED', actorId, subject: `import:${created.id}`, payload: { importJobId: created.id, fileName: created.fileName, totalRows }, origin, at: now })
    return created
  })
  return { ok: true, jobId: job.id }
}
