/**
 * Reader for the supplier register's CSV (pure, client-safe):
 *
 *   name,establishment_country_iso2,origin_countries_iso2,activity_codes
 *   Vakuum Technik GmbH,DE,DE;AT,38000000;42000000
 *
 * Columns may come in any order. Several origin countries or activity codes are separated by ";"
 * (or spaces). The origin countries default to the country of establishment. Each line is judged on
 * its own: a bad line is reported with its number and why, the others are kept; a name given twice
 * (same normalised name) is refused on its second line. Whether a country exists is the server's
 * check (import-suppliers.server.ts).
 */
import { linesOf, splitCsvRecord } from '~/csv/read-csv'
import { message } from '~/i18n/message'
import { messageList } from '../ledger/message-list.ts'
import { ACTIVITY_CODE } from './activity-code.ts'
import { normaliseSupplierName } from './normalise-supplier-name'

export const SUPPLIER_CSV_COLUMNS = ['name', 'establishment_country_iso2', 'origin_countries_iso2', 'activity_codes'] as const

export interface SupplierCsvRow {
  line: number
  name: string
  normalizedName: string
  establishmentCountryCode: string
  originCountryCodes: string[]
  activityCodes: string[]
}

export interface SupplierCsvProblem {
  line: number
  name: string | null
  /** Why the line is refused: messages (app/i18n/message.ts), one a line, said in the reader's language (ledger/message-list.ts). */
  message: string
}

export interface SupplierCsvParse {
  rows: SupplierCsvRow[]
  refused: SupplierCsvProblem[]
  /** A problem with the whole file (no header), a message: nothing is read. */
  fileError: string | null
}


const COUNTRY_ALIASES: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' }

function countryCodeOf(text: string): string {
  const code = text.trim().toUpperCase()
  return COUNTRY_ALIASES[code] ?? code
}

/** Codes quoted in a message: the first ten, so that a wrong line's message stays short. */
const shortList = (codes: readonly string[]) => (codes.length > 10 ? `${codes.slice(0, 10).join(', ')}, …` : codes.join(', ')).slice(0, 300)

function listOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[;\s]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

export function parseSupplierCsv(text: string): SupplierCsvParse {
  const lines = linesOf(text)
  if (lines.length === 0) return { rows: [], refused: [], fileError: message('return-data:suppliers.file.empty') }
  const header = splitCsvRecord(lines[0]!).fields.map((name) => name.trim().toLowerCase())
  const index = (column: string) => header.indexOf(column)
  const missing = ['name', 'establishment_country_iso2'].filter((column) => index(column) === -1)
  if (missing.length > 0) {
    return { rows: [], refused: [], fileError: message('return-data:suppliers.file.header', { header: SUPPLIER_CSV_COLUMNS.join(','), missing: missing.join(', ') }) }
  }
  const rows: SupplierCsvRow[] = []
  const refused: SupplierCsvProblem[] = []
  const firstLineOf = new Map<string, number>()
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1
    const text = lines[i]!
    if (text.trim() === '') continue
    const record = splitCsvRecord(text)
    const field = (column: string) => (index(column) === -1 ? undefined : record.fields[index(column)])
    const name = (field('name') ?? '').trim().replace(/\s+/g, ' ')
    const problems: string[] = []
    if (record.unterminatedQuote) problems.push(message('return-data:suppliers.line.unterminatedQuote'))
    if (name.length < 2) problems.push(message('return-data:suppliers.line.noName'))
    else if (name.length > 200) problems.push(message('return-data:suppliers.line.nameTooLong', { max: 200 }))
    const establishment = countryCodeOf(field('establishment_country_iso2') ?? '')
    if (!/^[A-Z]{2}$/.test(establishment)) problems.push(message('return-data:suppliers.line.establishment'))
    const origins = listOf(field('origin_countries_iso2')).map(countryCodeOf)
    const badOrigins = origins.filter((code) => !/^[A-Z]{2}$/.test(code))
    if (badOrigins.length > 0) problems.push(message('return-data:suppliers.line.origins', { codes: shortList(badOrigins) }))
    const activities = listOf(field('activity_codes')).map((code) => code.toUpperCase())
    const badActivities = activities.filter((code) => !ACTIVITY_CODE.test(code))
    if (badActivities.length > 0) problems.push(message('return-data:suppliers.line.activities', { codes: shortList(badActivities) }))
    const normalizedName = name.length >= 2 ? normaliseSupplierName(name) : ''
    const earlier = normalizedName ? firstLineOf.get(normalizedName) : undefined
    if (earlier !== undefined) problems.push(message('return-data:suppliers.line.sameAs', { line: earlier }))
    if (problems.length > 0) {
      refused.push({ line, name: name || null, message: messageList(problems) })
      continue
    }
    firstLineOf.set(normalizedName, line)
    rows.push({
      line,
      name,
      normalizedName,
      establishmentCountryCode: establishment,
      originCountryCodes: origins.length > 0 ? [...new Set(origins)] : [establishment],
      activityCodes: [...new Set(activities)],
    })
  }
  return { rows, refused, fileError: null }
}
