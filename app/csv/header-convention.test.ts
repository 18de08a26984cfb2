import { describe, expect, test } from 'vitest'
import { REJECTIONS_CSV_HEADER, RETURN_TABLE_CSV_HEADER } from '~/industrial-return/views/exports.server'
import { CONTRACT_CSV_COLUMNS } from '~/industrial-return/ledger/contract-csv'
import { SCALE_CSV_HEADER } from '~/industrial-return/ledger/scale-csv'
import { CSV_HEADER as JUSTIFICATIONS_CSV_HEADER } from '~/justifications/justifications-csv.server'

// One convention for every CSV header (see write-csv.ts): lowercase snake_case names.
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/

describe('every CSV header follows one convention', () => {
  const headers: Record<string, readonly string[]> = {
    'justifications export': JUSTIFICATIONS_CSV_HEADER,
    'industrial-return table export': RETURN_TABLE_CSV_HEADER,
    'rejected rows of an import': REJECTIONS_CSV_HEADER,
    'contract import template': CONTRACT_CSV_COLUMNS,
    'contribution scale template': SCALE_CSV_HEADER.split(','),
  }
  test.each(Object.entries(headers))('%s', (_, header) => {
    expect(header.filter((name) => !SNAKE_CASE.test(name))).toEqual([])
    expect(new Set(header).size).toBe(header.length)
  })

  test('a country code is named for its code system wherever it is exported', () => {
    const codeColumns = [...JUSTIFICATIONS_CSV_HEADER, ...RETURN_TABLE_CSV_HEADER].filter((name) => name.includes('country') && name !== 'country')
    expect(codeColumns.every((name) => name.endsWith('_iso2'))).toBe(true)
  })
})
