import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { refreshReturnAlerts } from '~/industrial-return/alerts/refresh-return-alerts.server'
import { CONTRACT_CSV_COLUMNS, sameContract, validateContractRow, type ColumnMap, type ValidContractRow } from '~/industrial-return/ledger/contract-csv'
import { addContractsToRollup } from '~/industrial-return/ledger/rollup.server'
import { loadLookups } from '~/industrial-return/ledger/stage-import-batch.server'
import { VISIBLE_CONTRACT } from '~/industrial-return/ledger/visible-contracts.server'
import { minorFromColumn, minorToColumn } from '~/money/minor-units'
import { errorFields, log } from '~/server/logger.server'
import type { ApiCaller } from './authenticate-api-key.server'

export type ContractRowInput = Partial<Record<(typeof CONTRACT_CSV_COLUMNS)[number], string>>

/** The columns of a JSON row: each field where the CSV header would put it. */
const COLUMNS = Object.fromEntries(CONTRACT_CSV_COLUMNS.map((column, index) => [column, index])) as ColumnMap

/**
 * Records contracts given as rows of the contract CSV import, by order number, with the import's
 * rules and its report (stage-import-batch.server.ts): each row checked by validateContractRow,
 * an order number twice in one request rejected, a row whose contract is already recorded with the
 * same values "unchanged", with other values rejected (a recorded contract is never changed, here
 * as in an import), and a number recorded meanwhile by somebody else rejected. The new contracts
 * enter the ledger and the rollup in one transaction, then the alerts are refreshed, as an award's.
 */
export async function recordContractsForApi(
  db: Database,
  caller: ApiCaller,
  rows: readonly ContractRowInput[],
  { now, origin, appUrl }: { now: Date; origin: RequestOrigin; appUrl: string },
) {
  const lookups = await loadLookups(db, calendarDateIn(now))
  const seen = new Map<string, number>()
  const valid: { row: number; contract: ValidContractRow }[] = []
  const rejected: { row: number; orderNumber: string | null; reasons: string[] }[] = []
  rows.forEach((input, index) => {
    const row = index + 1
    const orderNumber = (input.order_number ?? '').trim()
    const first = orderNumber === '' ? undefined : seen.get(orderNumber)
    if (orderNumber !== '' && first === undefined) seen.set(orderNumber, row)
    const result = validateContractRow(CONTRACT_CSV_COLUMNS.map((column) => input[column] ?? ''), COLUMNS, lookups)
    const reasons = result.ok ? [] : [...result.reasons]
    if (first !== undefined) reasons.push(message('return-data:import.reason.twiceInFile', { orderNumber, firstLine: first }))
    if (result.ok && reasons.length === 0) valid.push({ row, contract: result.row })
    else rejected.push({ row, orderNumber: orderNumber || null, reasons })
  })

  const actorId = caller.person?.id ?? null
  const outcome = await db.$transaction(async (tx) => {
    const recorded = await tx.contract.findMany({
      where: { orderNumber: { in: valid.map((v) => v.contract.orderNumber) }, ...VISIBLE_CONTRACT },
      select: { id: true, orderNumber: true, awardedOn: true, supplierName: true, category: true, originCountryCode: true, establishmentCountryCode: true, amountMinor: true, currency: true, departmentId: true, groupId: true },
    })
    const byNumber = new Map(recorded.map((c) => [c.orderNumber, { ...c, awardedOn: isoDateOfColumn(c.awardedOn), amountMinor: minorFromColumn(c.amountMinor) }]))
    const unchanged: { row: number; id: string; orderNumber: string }[] = []
    const fresh: typeof valid = []
    for (const candidate of valid) {
      const existing = byNumber.get(candidate.contract.orderNumber)
      if (!existing) fresh.push(candidate)
      else if (sameContract(candidate.contract, existing)) unchanged.push({ row: candidate.row, id: existing.id, orderNumber: existing.orderNumber })
      else {
        const { orderNumber } = candidate.contract
        rejected.push({ row: candidate.row, orderNumber, reasons: [message('return-data:import.reason.changesRecorded', { orderNumber, awardedOn: existing.awardedOn, name: existing.supplierName })] })
      }
    }
    // A number taken meanwhile (an award, an import being moved, another request) is skipped by the unique index.
    const inserted = await tx.contract.createManyAndReturn({
      data: fresh.map(({ contract: c }) => ({
        orderNumber: c.orderNumber,
        awardedOn: dateColumn(c.awardedOn),
        supplierName: c.supplierName,
        originCountryCode: c.originCountryCode,
        establishmentCountryCode: c.establishmentCountryCode,
        returnCountryCode: c.returnCountryCode,
        category: c.category,
        amountMinor: minorToColumn(c.amountMinor),
        currency: c.currency,
        amountChfMinor: minorToColumn(c.amountChfMinor),
        exchangeRate: c.exchangeRate,
        exchangeRateDate: dateColumn(c.exchangeRateDate),
        departmentId: c.departmentId,
        groupId: c.groupId,
        source: 'API' as const,
        recordedById: actorId,
        createdAt: now,
      })),
      skipDuplicates: true,
      select: { id: true, orderNumber: true },
    })
    const insertedByNumber = new Map(inserted.map((c) => [c.orderNumber, c.id]))
    const created: { row: number; id: string; orderNumber: string }[] = []
    for (const { row, contract } of fresh) {
      const id = insertedByNumber.get(contract.orderNumber)
      if (id) created.push({ row, id, orderNumber: contract.orderNumber })
      else rejected.push({ row, orderNumber: contract.orderNumber, reasons: [message('return-data:import.reason.recordedMeanwhile', { orderNumber: contract.orderNumber })] })
    }
    if (created.length > 0) await addContractsToRollup(tx, created.map((c) => c.id))
    await appendAuditEvent(tx, {
      type: 'CONTRACTS_RECORDED_BY_API',
      actorId,
      subject: `api-key:${caller.keyId}`,
      payload: { apiKeyId: caller.keyId, recorded: created.length, unchanged: unchanged.length, rejected: rejected.length, contracts: created.map((c) => ({ contractId: c.id, orderNumber: c.orderNumber })) },
      origin,
      at: now,
    })
    return { created, unchanged }
  })
  if (outcome.created.length > 0) {
    try {
      await refreshReturnAlerts(db, { now, cause: `${outcome.created.length} contracts recorded through the API`, appUrl, actorId, origin })
    } catch (error) {
      // The contracts stand; the scheduled refresh raises the alerts later (as after an import).
      log.error('industrial-return alerts not refreshed after API contracts', errorFields(error))
    }
  }
  return {
    created: outcome.created,
    unchanged: outcome.unchanged,
    rejected: rejected.sort((a, b) => a.row - b.row),
  }
}
