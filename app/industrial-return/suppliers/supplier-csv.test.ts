import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from '../ledger/in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { parseSupplierCsv } from './supplier-csv'

describe('parseSupplierCsv', () => {
  it('reads rows in any column order, lists split on ";", origin defaulting to the establishment', () => {
    const parsed = parseSupplierCsv(
      'activity_codes,name,establishment_country_iso2,origin_countries_iso2\n38000000;42000000,"Vakuum Technik, GmbH",de,DE;AT\n38000000,Lisbon Optics Lda,PT,\n',
    )
    expect(parsed.fileError).toBeNull()
    expect(parsed.refused).toEqual([])
    expect(parsed.rows).toEqual([
      { line: 2, name: 'Vakuum Technik, GmbH', normalizedName: 'vakuum technik', establishmentCountryCode: 'DE', originCountryCodes: ['DE', 'AT'], activityCodes: ['38000000', '42000000'] },
      { line: 3, name: 'Lisbon Optics Lda', normalizedName: 'lisbon optics', establishmentCountryCode: 'PT', originCountryCodes: ['PT'], activityCodes: ['38000000'] },
    ])
  })

  it('refuses bad lines one by one, with their number and why, and keeps the others', () => {
    const parsed = parseSupplierCsv(
      [
        'name,establishment_country_iso2,origin_countries_iso2,activity_codes',
        ',PT,,38000000',
        'Good One SA,Portugal,,',
        'Kept Ltd,GB,,38000000',
        'KEPT LIMITED,GB,,',
        'Bad Codes AG,CH,C1,38 000 000!',
      ].join('\n'),
    )
    expect(parsed.rows.map((r) => r.line)).toEqual([4])
    expect(parsed.refused).toEqual([
      { line: 2, name: null, message: 'The name is missing.' },
      { line: 3, name: 'Good One SA', message: 'The country of establishment must be a two-letter ISO code.' },
      { line: 5, name: 'KEPT LIMITED', message: 'The same supplier as line 4.' },
      { line: 6, name: 'Bad Codes AG', message: 'Countries of origin must be two-letter ISO codes (C1); activity codes are letters, digits, dots and dashes, 2 to 20 (000!).' },
    ])
  })

  it('refuses a file without the header', () => {
    expect(parseSupplierCsv('Acme,CH,,\n').fileError).toMatch(/must name the columns/)
    expect(parseSupplierCsv('').fileError).toBe('The file is empty.')
  })
})
