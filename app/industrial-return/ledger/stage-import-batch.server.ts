/**
 * Step 2 of a contract import: each batch validates its rows, stages the valid ones and records every
 * rejected row with its reasons, and advances `processedRows`, all in one transaction, so a restart
 * resumes exactly where the last committed batch ended. After the last batch the import is finished
 * (finish-import.server.ts).
 *
 * Idempotent by order number: a row whose contract is already in the ledger with the same values is
 * counted "unchanged"; with different values it is rejected (an import never changes a contract).
 */
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { splitCsvRecord } from '~/csv/read-csv'
import { loadRateTable } from '~/money/exchange-rates.server'
import { minorFromColumn, minorToColumn } from '~/money/minor-units'
import { rateValidOn } from '~/money/rate-on-date'
import { sameContract, validateContractRow, type ContractLookups, type ValidContractRow } from './contract-csv.ts'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import { failImport, finaliseImport } from './finish-import.server.ts'
import { CLAIM_MS, DEFAULT_BATCH_SIZE, type BatchResult, type ImportRunOptions } from './import-run-options.ts'
import { catchUpSeen, rememberJob } from './import-job-memory.server.ts'

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

/** Validates and stages the next batch of a claimed job; finalises it after the last batch. */
export async function processImportBatch(db: Database, jobId: string, options: ImportRunOptions): Promise<BatchResult> {
  const job = await db.contractImportJob.findUnique({ where: { id: jobId } })
  if (!job || (job.status !== 'RUNNING' && job.status !== 'QUEUED')) return 'NOT_RUNNABLE'
  try {
    if (job.processedRows >= job.totalRows) return await finaliseImport(db, job.id, options)
    const now = options.now()
    const entry = rememberJob(job.id, job.content)
    const start = job.processedRows
    const end = Math.min(start + (options.batchSize ?? DEFAULT_BATCH_SIZE), job.totalRows)
    catchUpSeen(entry, start)
    const lookups = await loadLookups(db, calendarDateIn(now))

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
