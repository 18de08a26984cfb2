import type { DatabaseOrTransaction } from '~/db/client.server'
import { toCsv } from '~/csv/write-csv'
import { categoryLabels, statusLabels } from './labels'
import { procurementListRows } from './list-filters.server'
import { documentFlagsOf, withDocumentFlags, type DocumentFlags } from './list-document-flags.server'
import { listSelect, toItem, type JustificationListItem } from './list-item.server'
import type { ListQuery } from './list-query'
import type { Viewer } from './visibility.server'

// Procurement's list as a CSV download. Header names follow the convention of app/csv/write-csv.ts.

export const CSV_HEADER = [
  'reference',
  'title',
  'status',
  'requester',
  'group',
  'department',
  'supplier',
  'supplier_country_iso2',
  'origin_country_iso2',
  'category',
  'amount',
  'currency',
  'amount_chf',
  'exchange_rate',
  'policy_version',
  'submitted_on',
  'decided_on',
  'waiting_on',
  'split_purchase',
  'documents',
  'quote_missing',
] as const

/** Minor units as a plain decimal a spreadsheet reads as a number: 1234567 -> "12345.67". */
export function decimalOf(minor: number): string {
  const digits = String(minor).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

export function csvRowOf(item: JustificationListItem & DocumentFlags): (string | number | null)[] {
  return [
    item.reference,
    item.title,
    statusLabels[item.status],
    item.requesterName,
    item.groupCode,
    item.departmentCode,
    item.supplierName,
    item.supplierCountryCode,
    item.originCountryCode,
    categoryLabels[item.category],
    decimalOf(item.amountMinor),
    item.currency,
    item.amountChfMinor === null ? null : decimalOf(item.amountChfMinor),
    item.exchangeRate,
    item.policyVersion,
    item.submittedOn,
    item.decidedOn,
    item.awaitingPersonName,
    item.splitPurchaseFlag ? 'yes' : 'no',
    item.documentCount,
    item.quoteMissing ? 'yes' : 'no',
  ]
}

const CSV_BATCH = 500

/** The same list as procurement's page (same filters, same order), every page of it, as CSV text. */
export async function justificationsCsv(db: DatabaseOrTransaction, person: Viewer, query: ListQuery): Promise<string> {
  const { where, orderBy } = procurementListRows(person, query)
  const rows: (string | number | null)[][] = []
  for (let skip = 0; ; skip += CSV_BATCH) {
    const batch = await db.justification.findMany({ where, select: listSelect, orderBy, skip, take: CSV_BATCH })
    const items = batch.map(toItem)
    // One grouped count per batch, not one query per row.
    rows.push(...withDocumentFlags(items, await documentFlagsOf(db, items)).map(csvRowOf))
    if (batch.length < CSV_BATCH) break
  }
  return toCsv(CSV_HEADER, rows)
}
