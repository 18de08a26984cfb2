/**
 * Reader for contribution scale files in the format of `shared/data/contributions-2009.csv`:
 *
 *   year,country_iso2,country,contribution_pct
 *   2009,AT,Austria,2.24
 *
 * Columns may come in any order; `country_iso2` or `country` may be left empty (not both). Codes
 * are ISO 3166-1 alpha-2; the EU/UK habits "EL" (Greece) and "UK" are accepted and mapped to GR/GB,
 * and a known country name fills in a missing code. A file may hold several years; rows come back
 * grouped by year, ready for `validateContributionScale` (which checks codes, membership, totals).
 */
import type { ScaleRowInput } from '../arithmetic/scale-validation.ts'
import { splitCsvRecord } from '~/csv/read-csv'
import { message } from '~/i18n/message'

export interface CsvScale {
  year: number
  rows: ScaleRowInput[]
}

export interface CsvProblem {
  line: number
  /** A message (app/i18n/message.ts), said in the reader's language where shown. */
  message: string
}

export interface ScaleCsvParse {
  scales: CsvScale[]
  errors: CsvProblem[]
}

const CODE_ALIASES: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' }

/** Member, Associate Member and former/candidate states of a CERN-like organisation, by lower-case name. */
const CODES_BY_NAME: Readonly<Record<string, string>> = {
  austria: 'AT',
  belgium: 'BE',
  brazil: 'BR',
  bulgaria: 'BG',
  chile: 'CL',
  croatia: 'HR',
  cyprus: 'CY',
  'czech republic': 'CZ',
  czechia: 'CZ',
  denmark: 'DK',
  estonia: 'EE',
  finland: 'FI',
  france: 'FR',
  germany: 'DE',
  greece: 'GR',
  hungary: 'HU',
  india: 'IN',
  ireland: 'IE',
  israel: 'IL',
  italy: 'IT',
  latvia: 'LV',
  lithuania: 'LT',
  netherlands: 'NL',
  'the netherlands': 'NL',
  norway: 'NO',
  pakistan: 'PK',
  poland: 'PL',
  portugal: 'PT',
  romania: 'RO',
  serbia: 'RS',
  slovakia: 'SK',
  'slovak republic': 'SK',
  slovenia: 'SI',
  spain: 'ES',
  sweden: 'SE',
  switzerland: 'CH',
  turkey: 'TR',
  türkiye: 'TR',
  turkiye: 'TR',
  ukraine: 'UA',
  'united kingdom': 'GB',
}

export const SCALE_CSV_HEADER = 'year,country_iso2,country,contribution_pct'

function splitCsvLine(line: string): string[] {
  return splitCsvRecord(line).fields
}

function resolveCode(rawCode: string, name: string, line: number): { code: string } | { error: string } {
  const given = rawCode.toUpperCase()
  const code = CODE_ALIASES[given] ?? given
  const fromName = CODES_BY_NAME[name.toLowerCase()]
  if (code === '' && fromName === undefined) {
    return {
      error:
        name === '' ? message('return-data:scale.csv.noCountry', { line }) : message('return-data:scale.csv.unknownName', { line, name }),
    }
  }
  if (code !== '' && !/^[A-Z]{2}$/.test(code)) return { error: message('return-data:scale.csv.notACode', { line, code: rawCode }) }
  if (code !== '' && fromName !== undefined && fromName !== code) {
    return { error: message('return-data:scale.csv.nameAndCode', { line, name, fromName, code: rawCode }) }
  }
  return { code: code || (fromName ?? '') }
}

export function parseContributionsCsv(text: string): ScaleCsvParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.toLowerCase())
  const column = (name: string) => header.indexOf(name)
  const [yearAt, codeAt, nameAt, percentAt] = ['year', 'country_iso2', 'country', 'contribution_pct'].map(column)
  if (yearAt === -1 || percentAt === -1 || (codeAt === -1 && nameAt === -1)) {
    return { scales: [], errors: [{ line: 1, message: message('return-data:scale.csv.header', { header: SCALE_CSV_HEADER }) }] }
  }

  const errors: CsvProblem[] = []
  const byYear = new Map<number, ScaleRowInput[]>()
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2
    if (raw.trim() === '') return
    const fields = splitCsvLine(raw)
    const field = (at: number | undefined) => (at === undefined || at === -1 ? '' : (fields[at] ?? ''))
    const yearText = field(yearAt)
    if (!/^\d{4}$/.test(yearText)) {
      errors.push({ line, message: message('return-data:scale.csv.notAYear', { line, year: yearText }) })
      return
    }
    const resolved = resolveCode(field(codeAt), field(nameAt), line)
    if ('error' in resolved) {
      errors.push({ line, message: resolved.error })
      return
    }
    const year = Number(yearText)
    const rows = byYear.get(year) ?? []
    rows.push({ countryCode: resolved.code, percent: field(percentAt), line })
    byYear.set(year, rows)
  })
  const scales = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, rows]) => ({ year, rows }))
  return { scales, errors }
}
