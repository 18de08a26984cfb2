import { describe, expect, test } from 'vitest'
import { LANGUAGES } from '~/i18n/languages'
import { REJECTIONS_CSV_HEADER, RETURN_TABLE_CSV_HEADER } from '~/industrial-return/views/exports.server'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { SCALE_CSV_HEADER } from '~/industrial-return/ledger/scale-csv'
import { CSV_COLUMNS as JUSTIFICATIONS_CSV_COLUMNS, justificationsCsvHeader } from '~/justifications/justifications-csv.server'

// Two kinds of CSV (docs/decisions/047-csv-headers-for-people-and-machines.md). Files for machines
// (read by scripts, or uploaded again) name their columns with stable identifiers, the same in
// every language: lowercase snake_case (see write-csv.ts). Files for people name them in the
// reader's language, from the catalogue, under the same stable column names as keys.
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/

const forMachines: Record<string, readonly string[]> = {
  'industrial-return table export': RETURN_TABLE_CSV_HEADER,
  'rejected rows of an import': REJECTIONS_CSV_HEADER,
  'contract import template': CONTRACT_CSV_COLUMNS,
  'contribution scale template': SCALE_CSV_HEADER.split(','),
}

const forPeople: Record<string, { columns: readonly string[]; header: (language: (typeof LANGUAGES)[number]) => readonly string[] }> = {
  'justifications export': { columns: JUSTIFICATIONS_CSV_COLUMNS, header: justificationsCsvHeader },
}

describe('every CSV header follows one of the two conventions', () => {
  test.each(Object.entries(forMachines))('%s (for machines): stable snake_case names', (_, header) => {
    expect(header.filter((name) => !SNAKE_CASE.test(name))).toEqual([])
    expect(new Set(header).size).toBe(header.length)
  })

  test.each(Object.entries(forPeople))('%s (for people): stable column names, a header in each language', (_, { columns, header }) => {
    expect(columns.filter((name) => !SNAKE_CASE.test(name))).toEqual([])
    for (const language of LANGUAGES) {
      const names = header(language)
      expect(names).toHaveLength(columns.length)
      // Words, not identifiers: a header left as its key means a message is missing.
      expect(names.filter((name) => name.trim() === '' || SNAKE_CASE.test(name) || name.includes('csv.'))).toEqual([])
      expect(new Set(names).size).toBe(names.length)
    }
    // French is not English: each language names the columns in its own words.
    expect(header('fr').filter((name, index) => name === header('en')[index])).toEqual([])
  })

  test('a country code is named for its code system wherever it is exported', () => {
    const codeColumns = [...JUSTIFICATIONS_CSV_COLUMNS, ...RETURN_TABLE_CSV_HEADER].filter((name) => name.includes('country') && name !== 'country')
    expect(codeColumns.every((name) => name.endsWith('_iso2'))).toBe(true)
    for (const language of LANGUAGES) {
      const header = justificationsCsvHeader(language)
      const codes = JUSTIFICATIONS_CSV_COLUMNS.flatMap((name, index) => (name.endsWith('_iso2') ? [header[index]!] : []))
      expect(codes.every((name) => name.includes('ISO'))).toBe(true)
    }
  })
})
