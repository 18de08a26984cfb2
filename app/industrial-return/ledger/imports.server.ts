/**
 * CSV import of contracts, sized for files of 100 000+ rows.
 *
 * 1. Upload (`createContractImport`): the file is decoded and its header checked at once; an
 *    unreadable file or a wrong header is refused before anything is stored. Otherwise the text is
 *    kept in a ContractImportJob and the person is sent to its progress page.
 * 2. Validation in batches (`processImportBatch`, driven in the app process right after the upload
 *    and by `startReturnJobs` after a restart): each batch validates its rows, stages the valid ones
 *    and records every rejected row with its reasons, and advances `processedRows`, all in one
 *    transaction, so a restart resumes exactly where the last committed batch ended.
 * 3. Finalisation: the staged rows enter the ledger and the rollup in ONE transaction. Until then the
 *    ledger is untouched, so a fatal error at any point (failed batch, failed finalisation) leaves
 *    nothing half-imported: the job is marked failed and its staged rows are deleted.
 *
 * Idempotent by order number: a row whose contract is already in the ledger with the same values is
 * counted "unchanged"; with different values it is rejected (an import never changes a contract).
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { errorFields, log } from '~/server/logger.server'
import { loadRateTable } from '~/money/exchange-rates.server'
import { minorFromColumn, minorToColumn } from '~/money/minor-units'
import { rateValidOn } from '~/money/rate-on-date'
import { refreshReturnAlerts } from '../alerts/alerts.server.ts'
import {
  readContractHeader,
  sameContract,
  validateContractRow,
  type ColumnMap,
  type ContractLookups,
  type ValidContractRow,
} from './contract-csv.ts'
import { firstLineWithNul, linesOf, nulInFileMessage, splitCsvRecord } from '~/csv/read-csv'
import { dateColumn, isoDateIn, isoDateOfColumn } from '../dates.ts'
import { addImportToRollup } from './rollup.server.ts'

import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-limits.ts'

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS }
export const DEFAULT_BATCH_SIZE = 2_000
const CLAIM_MS = 60_000

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

// Per job, what this process has read of it: the lines, and every order number met so far (to
// report duplicates within the file). Rebuilt from the stored text after a restart.
type JobMemory = { lines: string[]; columns: ColumnMap; headerWidth: number; seen: Map<string, number>; seenUpTo: number }
const memory = new Map<string, JobMemory>()

function rememberJob(jobId: string, content: string): JobMemory {
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
function catchUpSeen(entry: JobMemory, upTo: number) {
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

async function loadLookups(db: DatabaseOrTransaction, today: string): Promise<ContractLookups> {
  const [countries, departments, groups, rates] = await Promise.all([
    db.country.findMany({ select: { code: true } }),
    db.department.findMany({ select: { id: true, code: true } }),
    db.group.findMany({ select: { id: true, code: true, departmentId: true } }),
    loadRateTable(db),
  ])
  return {
    countryCodes: new Set(countries.map((c) => c.code)),
    departmentsByCode: new Map(departments.map((d) => [d.code.toUpperCase(), d.id])),
    groupsByCode: new Map(groups.map((g) => [g.code.toUpperCase(), { id: g.id, departmentId: g.departmentId }])),
    rateOn: (currency, isoDate) => {
      const valid = rateValidOn(rates, currency, isoDate)
      return valid ? { rate: valid.chfPerUnit, validFrom: valid.validFrom } : null
    },
    today,
  }
}

class BatchConflict extends Error {}

export type BatchResult = 'CONTINUE' | 'SUCCEEDED' | 'FAILED' | 'NOT_RUNNABLE'

type Options = { now: () => Date; appUrl: string; batchSize?: number }

/** Validates and stages the next batch of a claimed job; finalises it after the last batch. */
export async function processImportBatch(db: Database, jobId: string, options: Options): Promise<BatchResult> {
  const job = await db.contractImportJob.findUnique({ where: { id: jobId } })
  if (!job || (job.status !== 'RUNNING' && job.status !== 'QUEUED')) return 'NOT_RUNNABLE'
  try {
    if (job.processedRows >= job.totalRows) return await finaliseImport(db, job.id, options)
    const now = options.now()
    const entry = rememberJob(job.id, job.content)
    const start = job.processedRows
    const end = Math.min(start + (options.batchSize ?? DEFAULT_BATCH_SIZE), job.totalRows)
    catchUpSeen(entry, start)
    const lookups = await loadLookups(db, isoDateIn(now))

    const valid: { line: number; row: ValidContractRow }[] = []
    const rejected: { line: number; orderNumber: string | null; reason: string }[] = []
    for (let i = start; i < end; i++) {
      const line = i + 2
      const text = entry.lines[i + 1] ?? ''
      if (text.trim() === '') continue
      const { fields, unterminatedQuote } = splitCsvRecord(text)
      const orderNumber = (fields[entry.columns.order_number] ?? '').trim()
      const firstLine = orderNumber === '' ? undefined : entry.seen.get(orderNumber)
      if (orderNumber !== '' && firstLine === undefined) entry.seen.set(orderNumber, line)
      const { headerWidth } = entry
      if (unterminatedQuote || fields.length !== headerWidth) {
        const why = unterminatedQuote ? 'a quote is opened and never closed' : `it has ${fields.length} fields where the header has ${headerWidth} (a comma inside a name needs quotes around it)`
        rejected.push({ line, orderNumber: orderNumber || null, reason: `Line ${line}: ${why}.` })
        continue
      }
      const result = validateContractRow(fields, entry.columns, lookups)
      const reasons = result.ok ? [] : [...result.reasons]
      if (firstLine !== undefined) reasons.push(`order number ${orderNumber} already appears on line ${firstLine} of this file`)
      if (result.ok && reasons.length === 0) valid.push({ line, row: result.row })
      else rejected.push({ line, orderNumber: orderNumber || null, reason: `Line ${line}: ${reasons.join('; ')}.` })
    }
    entry.seenUpTo = end

    const recorded = await db.contract.findMany({
      where: { orderNumber: { in: valid.map((v) => v.row.orderNumber) } },
      select: { orderNumber: true, awardedOn: true, supplierName: true, category: true, originCountryCode: true, establishmentCountryCode: true, amountMinor: true, currency: true, departmentId: true, groupId: true },
    })
    const recordedByNumber = new Map(recorded.map((c) => [c.orderNumber, { ...c, awardedOn: isoDateOfColumn(c.awardedOn), amountMinor: minorFromColumn(c.amountMinor) }]))
    const staged: typeof valid = []
    let unchanged = 0
    for (const candidate of valid) {
      const existing = recordedByNumber.get(candidate.row.orderNumber)
      if (!existing) staged.push(candidate)
      else if (sameContract(candidate.row, existing)) unchanged++
      else {
        rejected.push({
          line: candidate.line,
          orderNumber: candidate.row.orderNumber,
          reason: `Line ${candidate.line}: order number ${candidate.row.orderNumber} is already in the ledger with different values (awarded ${existing.awardedOn} to ${existing.supplierName}); an import never changes a recorded contract.`,
        })
      }
    }

    await db.$transaction(async (tx) => {
      const { count } = await tx.contractImportJob.updateMany({
        where: { id: job.id, processedRows: start, status: { in: ['QUEUED', 'RUNNING'] } },
        data: {
          status: 'RUNNING',
          processedRows: end,
          unchangedRows: { increment: unchanged },
          rejectedRows: { increment: rejected.length },
          lockedUntil: new Date(now.getTime() + CLAIM_MS),
          startedAt: job.startedAt ?? now,
        },
      })
      if (count === 0) throw new BatchConflict()
      if (staged.length) {
        await tx.stagedContract.createMany({
          data: staged.map(({ line, row }) => ({
            importJobId: job.id,
            line,
            orderNumber: row.orderNumber,
            awardedOn: dateColumn(row.awardedOn),
            supplierName: row.supplierName,
            originCountryCode: row.originCountryCode,
            establishmentCountryCode: row.establishmentCountryCode,
            returnCountryCode: row.returnCountryCode,
            category: row.category,
            amountMinor: minorToColumn(row.amountMinor),
            currency: row.currency,
            amountChfMinor: minorToColumn(row.amountChfMinor),
            exchangeRate: row.exchangeRate,
            exchangeRateDate: dateColumn(row.exchangeRateDate),
            departmentId: row.departmentId,
            groupId: row.groupId,
          })),
        })
      }
      if (rejected.length) {
        await tx.contractImportRejection.createMany({ data: rejected.map((r) => ({ importJobId: job.id, line: r.line, orderNumber: r.orderNumber?.slice(0, 100) ?? null, reason: r.reason.slice(0, 2000) })) })
      }
    }, { timeout: 60_000, maxWait: 30_000 })
    return end >= job.totalRows ? await finaliseImport(db, job.id, options) : 'CONTINUE'
  } catch (error) {
    if (error instanceof BatchConflict) return 'NOT_RUNNABLE'
    // The last line of a database error is the sentence worth showing ("violates foreign key constraint ...").
    const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim() !== '').pop() ?? 'unknown error'
    await failImport(db, job.id, `The import stopped on an unexpected error and nothing was imported: ${message}`, options.now())
    return 'FAILED'
  }
}

/** The one transaction in which an import's valid rows enter the ledger and the rollup. */
async function finaliseImport(db: Database, jobId: string, options: Options): Promise<BatchResult> {
  const now = options.now()
  const job = await db.$transaction(async (tx) => {
    const job = await tx.contractImportJob.findUniqueOrThrow({ where: { id: jobId } })
    // A contract recorded meanwhile (by an award or another import) under a staged order number wins.
    await tx.$executeRaw`
      INSERT INTO "ContractImportRejection" ("importJobId", "line", "orderNumber", "reason")
      SELECT s."importJobId", s."line", s."orderNumber",
             'Line ' || s."line" || ': order number ' || s."orderNumber" || ' was recorded by someone else while this file was being checked.'
      FROM "StagedContract" s JOIN "Contract" c ON c."orderNumber" = s."orderNumber"
      WHERE s."importJobId" = ${jobId}::uuid`
    const clashes = await tx.$executeRaw`
      DELETE FROM "StagedContract" s USING "Contract" c WHERE s."importJobId" = ${jobId}::uuid AND c."orderNumber" = s."orderNumber"`
    const imported = await tx.$executeRaw`
      INSERT INTO "Contract" ("id", "orderNumber", "awardedOn", "supplierName", "originCountryCode", "establishmentCountryCode", "returnCountryCode",
                              "category", "amountMinor", "currency", "amountChfMinor", "exchangeRate", "exchangeRateDate", "departmentId", "groupId",
                              "source", "importJobId", "recordedById", "createdAt")
      SELECT gen_random_uuid(), s."orderNumber", s."awardedOn", s."supplierName", s."originCountryCode", s."establishmentCountryCode", s."returnCountryCode",
             s."category", s."amountMinor", s."currency", s."amountChfMinor", s."exchangeRate", s."exchangeRateDate", s."departmentId", s."groupId",
             'IMPORT', s."importJobId", ${job.createdById}::uuid, ${now}
      FROM "StagedContract" s WHERE s."importJobId" = ${jobId}::uuid
      ORDER BY s."line"`
    await addImportToRollup(tx, jobId)
    await tx.stagedContract.deleteMany({ where: { importJobId: jobId } })
    const finished = await tx.contractImportJob.update({
      where: { id: jobId },
      data: { status: 'SUCCEEDED', importedRows: imported, rejectedRows: { increment: clashes }, content: '', lockedUntil: null, finishedAt: now },
    })
    await appendAuditEvent(tx, {
      type: 'CONTRACT_IMPORT_FINISHED',
      actorId: job.createdById,
      subject: `import:${jobId}`,
      payload: { importJobId: jobId, fileName: job.fileName, imported, unchanged: finished.unchangedRows, rejected: finished.rejectedRows },
      at: now,
    })
    return finished
  }, { timeout: 600_000, maxWait: 60_000 })
  memory.delete(jobId)
  if (job.importedRows > 0) {
    try {
      await refreshReturnAlerts(db, { now, cause: `Import of ${job.fileName}`, appUrl: options.appUrl, actorId: job.createdById })
    } catch (error) {
      // The import stands; the scheduled refresh raises the alerts later.
      log.error('spread alerts not refreshed after an import', { importJobId: jobId, ...errorFields(error) })
    }
  }
  return 'SUCCEEDED'
}

/** A fatal error: the staged rows go, the ledger was never touched, the job says why. */
export async function failImport(db: Database, jobId: string, message: string, now: Date): Promise<void> {
  memory.delete(jobId)
  log.error('contract import failed', { importJobId: jobId, error: message })
  await db.$transaction(async (tx) => {
    const job = await tx.contractImportJob.findUnique({ where: { id: jobId } })
    if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return
    await tx.stagedContract.deleteMany({ where: { importJobId: jobId } })
    await tx.contractImportJob.update({ where: { id: jobId }, data: { status: 'FAILED', fatalError: message.slice(0, 2000), content: '', lockedUntil: null, finishedAt: now } })
    await appendAuditEvent(tx, { type: 'CONTRACT_IMPORT_FAILED', actorId: job.createdById, subject: `import:${jobId}`, payload: { importJobId: jobId, fileName: job.fileName, error: message.slice(0, 500) }, at: now })
  })
}

async function claim(db: Database, jobId: string, now: Date): Promise<boolean> {
  const { count } = await db.contractImportJob.updateMany({
    where: { id: jobId, status: { in: ['QUEUED', 'RUNNING'] }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { status: 'RUNNING', lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  })
  return count === 1
}

/** Claims a job and processes it to the end (or until `deadline`), letting other work in between batches. */
export async function driveImport(db: Database, jobId: string, options: Options & { deadline?: number }): Promise<BatchResult> {
  if (!(await claim(db, jobId, options.now()))) return 'NOT_RUNNABLE'
  for (;;) {
    const result = await processImportBatch(db, jobId, options)
    if (result !== 'CONTINUE') return result
    if (options.deadline !== undefined && Date.now() > options.deadline) {
      await db.contractImportJob.updateMany({ where: { id: jobId, status: 'RUNNING' }, data: { lockedUntil: null } })
      return 'CONTINUE'
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Started right after an upload, so progress begins without waiting for the next scheduled run. */
export function startImportInBackground(db: Database, jobId: string, options: Options): void {
  void driveImport(db, jobId, options).catch((error) => log.error('contract import stopped', { importJobId: jobId, ...errorFields(error) }))
}

/** Jobs left waiting (after a restart, or a claim that expired): what the scheduled run picks up. */
export async function runPendingImports(db: Database, options: Options & { budgetMs: number }): Promise<number> {
  const now = options.now()
  const jobs = await db.contractImportJob.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
    take: 5,
  })
  const deadline = Date.now() + options.budgetMs
  for (const job of jobs) {
    await driveImport(db, job.id, { ...options, deadline })
    if (Date.now() > deadline) break
  }
  return jobs.length
}

export interface ImportJobView {
  id: string
  fileName: string
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'
  totalRows: number
  processedRows: number
  percent: number
  importedRows: number
  unchangedRows: number
  rejectedRows: number
  fatalError: string | null
  createdAt: string
  finishedAt: string | null
}

const toView = (job: {
  id: string
  fileName: string
  status: ImportJobView['status']
  totalRows: number
  processedRows: number
  importedRows: number
  unchangedRows: number
  rejectedRows: number
  fatalError: string | null
  createdAt: Date
  finishedAt: Date | null
}): ImportJobView => ({
  id: job.id,
  fileName: job.fileName,
  status: job.status,
  totalRows: job.totalRows,
  processedRows: job.processedRows,
  percent: job.totalRows === 0 ? 100 : Math.floor((job.processedRows / job.totalRows) * 100),
  importedRows: job.importedRows,
  unchangedRows: job.unchangedRows,
  rejectedRows: job.rejectedRows,
  fatalError: job.fatalError,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
})

const viewColumns = {
  id: true,
  fileName: true,
  status: true,
  totalRows: true,
  processedRows: true,
  importedRows: true,
  unchangedRows: true,
  rejectedRows: true,
  fatalError: true,
  createdAt: true,
  finishedAt: true,
} as const

export async function loadImportJob(db: DatabaseOrTransaction, jobId: string, { rejectionLimit = 500 } = {}) {
  const job = await db.contractImportJob.findUnique({ where: { id: jobId }, select: viewColumns })
  if (!job) return null
  const rejections = await db.contractImportRejection.findMany({ where: { importJobId: jobId }, orderBy: { line: 'asc' }, take: rejectionLimit })
  return { job: toView(job), rejections: rejections.map(({ line, orderNumber, reason }) => ({ line, orderNumber, reason })) }
}

export async function listImportJobs(db: DatabaseOrTransaction, limit = 20): Promise<ImportJobView[]> {
  const jobs = await db.contractImportJob.findMany({ orderBy: { createdAt: 'desc' }, take: limit, select: viewColumns })
  return jobs.map(toView)
}

export async function rejectionsOf(db: DatabaseOrTransaction, jobId: string) {
  return db.contractImportRejection.findMany({ where: { importJobId: jobId }, orderBy: { line: 'asc' }, select: { line: true, orderNumber: true, reason: true } })
}
