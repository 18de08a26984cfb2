import type { DatabaseOrTransaction } from '~/db/client.server'
import { toCsv } from '~/csv/write-csv'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { procurementListRows } from './list-filters.server'
import { documentFlagsOf, withDocumentFlags, type DocumentFlags } from './list-document-flags.server'
import { listSelect, toItem, type JustificationListItem } from './list-item.server'
import type { ListQuery } from './list-query'
import type { Viewer } from './visibility.server'

// Procurement's list as a CSV download: a file for people (opened in a spreadsheet, read, filtered,
// forwarded), so its column names and its words (status, category, yes/no) are in the language of
// the officer who downloads it (ADR 047). Its figures stay machine-readable in both: amounts as
// plain decimals with a point, dates as ISO dates, country codes as ISO 3166 codes.

/** The columns, by their stable names (app/csv/write-csv.ts's convention): the keys of their headers in the record catalogue. */
export const CSV_COLUMNS = [
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

/** The header record in the reader's language: "Reference", "Référence", … */
export function justificationsCsvHeader(language: Language): string[] {
  const t = translatorFor(language, 'record')
  return CSV_COLUMNS.map((column) => t(`csv.justifications.${column}`))
}

/** Minor units as a plain decimal a spreadsheet reads as a number: 1234567 -> "12345.67". */
export function decimalOf(minor: number): string {
  const digits = String(minor).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

export function csvRowOf(item: JustificationListItem & DocumentFlags, language: Language): (string | number | null)[] {
  const t = translatorFor(language, 'record')
  const tj = translatorFor(language, 'justifications')
  const yesNo = (value: boolean) => (value ? t('csv.yes') : t('csv.no'))
  return [
    item.reference,
    item.title,
    tj(`status.${item.status}`),
    item.requesterName,
    item.groupCode,
    item.departmentCode,
    item.supplierName,
    item.supplierCountryCode,
    item.originCountryCode,
    tj(`category.${item.category}`),
    decimalOf(item.amountMinor),
    item.currency,
    item.amountChfMinor === null ? null : decimalOf(item.amountChfMinor),
    item.exchangeRate,
    item.policyVersion,
    item.submittedOn,
    item.decidedOn,
    item.awaitingPersonName,
    yesNo(item.splitPurchaseFlag),
    item.documentCount,
    yesNo(item.quoteMissing),
  ]
}

const CSV_BATCH = 500

/** The same list as procurement's page (same filters, same order), every page of it, as CSV text in the reader's language. */
export async function justificationsCsv(db: DatabaseOrTransaction, person: Viewer, query: ListQuery, language: Language): Promise<string> {
  const { where, orderBy } = procurementListRows(person, query)
  const rows: (string | number | null)[][] = []
  for (let skip = 0; ; skip += CSV_BATCH) {
    const batch = await db.justification.findMany({ where, select: listSelect, orderBy, skip, take: CSV_BATCH })
    const items = batch.map(toItem)
    // One grouped count per batch, not one query per row.
    rows.push(...withDocumentFlags(items, await documentFlagsOf(db, items)).map((item) => csvRowOf(item, language)))
    if (batch.length < CSV_BATCH) break
  }
  return toCsv(justificationsCsvHeader(language), rows)
}
