/**
 * Step 2 of a contract import: each batch validates its rows, stages the valid ones and records every
 * rejected row with its reasons, and advances `processedRows`, all in one transaction, so a restart
 * resumes exactly where the last committed batch ended. The rows come from the chunk of the upload that
 * holds them (read once, kept in memory for the next batches); staged and rejected rows are written with
 * COPY. After the last batch the rows are moved into the ledger (finish-import.server.ts).
 *
 * Idempotent by order number: a row whose contract is already in the ledger with the same values is
 * counted "unchanged"; with different values it is rejected (an import never changes a contract).
 */
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { splitCsvRecord } from '~/csv/read-csv'
import { inSqlTransaction, UTC_TIMESTAMP, withSqlTransaction, type Sql } from '~/db/sql-transaction.server'
import { loadRateTable } from '~/money/exchange-rates.server'
import { minorFromColumn } from '~/money/minor-units'
import { rateValidOn } from '~/money/rate-on-date'
import { sameContract, validateContractRow, type ContractLookups, type ValidContractRow } from './contract-csv.ts'
import { calendarDateIn } from '~/calendar/calendar-date'
import { isoDateOfColumn } from '~/calendar/date-column'
import { failImport, finaliseImport } from './finish-import.server.ts'
import { message } from '~/i18n/message'
import { fitList, messageList } from './message-list.ts'
import { copyRows } from './import-copy.server.ts'
import { CLAIM_MS, DEFAULT_BATCH_SIZE, type BatchResult, type ImportRunOptions } from './import-run-options.ts'
import { catchUpSeen, chunkHolding, rememberJob } from './import-job-memory.server.ts'
import { VISIBLE_CONTRACT } from './visible-contracts.server.ts'

const STAGED_COLUMNS = [
  'importJobId', 'line', 'orderNumber', 'awardedOn', 'supplierName', 'originCountryCode', 'establishmentCountryCode', 'returnCountryCode',
  'category', 'amountMinor', 'currency', 'amountChfMinor', 'exchangeRate', 'exchangeRateDate', 'departmentId', 'groupId',
] as const

export async function loadLookups(db: DatabaseOrTransaction, today: string): Promise<ContractLookups> {
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

/** Validates and stages the next batch of a claimed job; after the last batch, moves the rows into the ledger. */
export async function processImportBatch(db: Database, jobId: string, options: ImportRunOptions): Promise<BatchResult> {
  const job = await db.contractImportJob.findUnique({ where: { id: jobId }, select: { id: true, status: true, header: true, totalRows: true, processedRows: true, startedAt: true } })
  if (!job || (job.status !== 'RUNNING' && job.status !== 'QUEUED')) return 'NOT_RUNNABLE'
  try {
    if (job.processedRows >= job.totalRows) return await finaliseImport(db, job.id, options)
    const now = options.now()
    const entry = rememberJob(job.id, job.header)
    const start = job.processedRows
    await catchUpSeen(db, job.id, entry, start)
    const chunk = await chunkHolding(db, job.id, entry, start)
    const end = Math.min(start + (options.batchSize ?? DEFAULT_BATCH_SIZE), chunk.firstRow + chunk.lines.length, job.totalRows)
    const lookups = await loadLookups(db, calendarDateIn(now))

    const valid: { line: number; row: ValidContractRow }[] = []
    const rejected: { line: number; orderNumber: string | null; reason: string }[] = []
    for (let i = start; i < end; i++) {
      const line = i + 2
      const text = chunk.lines[i - chunk.firstRow] ?? ''
      if (text.trim() === '') continue
      const { fields, unterminatedQuote } = splitCsvRecord(text)
      const orderNumber = (fields[entry.columns.order_number] ?? '').trim()
      const firstLine = orderNumber === '' ? undefined : entry.seen.get(orderNumber)
      if (orderNumber !== '' && firstLine === undefined) entry.seen.set(orderNumber, line)
      const { headerWidth } = entry
      if (unterminatedQuote || fields.length !== headerWidth) {
        const why = unterminatedQuote
          ? message('return-data:import.reason.unterminatedQuote')
          : message('return-data:import.reason.fieldCount', { count: fields.length, header: headerWidth })
        rejected.push({ line, orderNumber: orderNumber || null, reason: why })
        continue
      }
      const result = validateContractRow(fields, entry.columns, lookups)
      const reasons = result.ok ? [] : [...result.reasons]
      if (firstLine !== undefined) reasons.push(message('return-data:import.reason.twiceInFile', { orderNumber, firstLine }))
      if (result.ok && reasons.length === 0) valid.push({ line, row: result.row })
      else rejected.push({ line, orderNumber: orderNumber || null, reason: messageList(reasons) })
    }
    entry.seenUpTo = end

    // Another import's rows still being moved are not recorded contracts (yet): if that import succeeds
    // first, the row is rejected when this one moves it (finish-import.server.ts).
    const recorded = await db.contract.findMany({
      where: { orderNumber: { in: valid.map((v) => v.row.orderNumber) }, ...VISIBLE_CONTRACT },
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
          reason: message('return-data:import.reason.changesRecorded', { orderNumber: candidate.row.orderNumber, awardedOn: existing.awardedOn, name: existing.supplierName }),
        })
      }
    }

    const write = async (sql: Sql) => {
      const { rowCount } = await sql.query(
        `UPDATE "ContractImportJob"
         SET "status" = 'RUNNING', "processedRows" = $3, "unchangedRows" = "unchangedRows" + $4, "rejectedRows" = "rejectedRows" + $5,
             "lockedUntil" = ${UTC_TIMESTAMP('$6')}, "startedAt" = COALESCE("startedAt", ${UTC_TIMESTAMP('$7')})
         WHERE "id" = $1 AND "processedRows" = $2 AND "status" IN ('QUEUED', 'RUNNING')`,
        [job.id, start, end, unchanged, rejected.length, new Date(now.getTime() + CLAIM_MS).toISOString(), now.toISOString()],
      )
      if (rowCount === 0) throw new BatchConflict()
      await copyRows(
        sql,
        'StagedContract',
        STAGED_COLUMNS,
        staged.map(({ line, row }) => [
          job.id, line, row.orderNumber, row.awardedOn, row.supplierName, row.originCountryCode, row.establishmentCountryCode, row.returnCountryCode,
          row.category, row.amountMinor, row.currency, row.amountChfMinor, row.exchangeRate, row.exchangeRateDate, row.departmentId, row.groupId,
        ]),
      )
      await copyRows(sql, 'ContractImportRejection', ['importJobId', 'line', 'orderNumber', 'reason'], rejected.map((r) => [job.id, r.line, r.orderNumber?.slice(0, 100) ?? null, fitList(r.reason, 2000)]))
    }
    await (options.connection ? inSqlTransaction(options.connection, write) : withSqlTransaction(db, write))
    return end >= job.totalRows ? await finaliseImport(db, job.id, options) : 'CONTINUE'
  } catch (error) {
    if (error instanceof BatchConflict) return 'NOT_RUNNABLE'
    // The last line of a database error is the sentence worth showing ("violates foreign key constraint ...").
    const detail = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim() !== '').pop()?.slice(0, 1500) ?? 'unknown error'
    await failImport(db, job.id, message('return-data:import.failed.unexpected', { error: detail }), options.now())
    return 'FAILED'
  }
}
