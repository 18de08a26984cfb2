/**
 * The one CSV writer of SoleSource, as RFC 4180 writes it: fields separated by commas, records ended
 * by CRLF, a field quoted when it holds a comma, a double quote, CR or LF, and a quote inside doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, - or @ (and, in some, a tab or
 * CR before them) as a formula, so text a person typed ("=HYPERLINK(...)") could act on the reader's
 * machine. Such text cells are prefixed with an apostrophe, which spreadsheets show as text.
 * Numbers we produce ourselves are written as they are.
 *
 * Header names of the files meant for machines (ADR 047: the industrial-return table, the import
 * templates, an import's rejected rows): lowercase snake_case (`order_number`, `submitted_on`), one
 * name per column, with the unit or code system as a suffix where a reader needs it (`amount_chf`,
 * `share_of_value_pct`, `supplier_country_iso2`). Names, not labels: scripts and spreadsheet
 * formulas look columns up by them, and the import formats (contracts, contribution scales) are read
 * under the same names, so an exported file can feed an import without renaming. A file meant for
 * people (procurement's list of justifications) keeps such names for its columns, and writes its
 * header in the reader's language from the catalogue. `app/csv/header-convention.test.ts` holds
 * every header to one of the two.
 */

import { downloadHeaders } from '~/http/download-headers'

export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a number a CSV can hold: ${value}`)
    return String(value)
  }
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRecord(values: readonly CsvCell[]): string {
  return values.map(csvCell).join(',')
}

/** A whole file: a header record, then one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((record) => `${csvRecord(record)}\r\n`).join('')
}

/**
 * A download, with the headers of every download (app/http/download-headers.ts). By default the
 * body starts with a byte-order mark, so Excel reads accented names right; the industrial-return
 * files (templates filled in and uploaded again, tables read by scripts) go without one, as they
 * always have.
 */
export function csvDownload(body: string, fileName: string, { byteOrderMark = true }: { byteOrderMark?: boolean } = {}): Response {
  return new Response(byteOrderMark ? `\uFEFF${body}` : body, { headers: downloadHeaders('text/csv; charset=utf-8; header=present', fileName) })
}
