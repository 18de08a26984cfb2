import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import { CONTRACT_CSV_COLUMNS, CONTRACT_CSV_TEMPLATE, readContractHeader, validateContractRow, type ContractLookups } from './contract-csv.ts'
import { splitCsvRecord } from '~/csv/read-csv'

const lookups: ContractLookups = {
  countryCodes: new Set(['CH', 'DE', 'FR', 'GR', 'GB', 'IT', 'US']),
  departmentsByCode: new Map([['EN', 'dep-en'], ['TE', 'dep-te']]),
  groupsByCode: new Map([['EN-MME', { id: 'grp-mme', departmentId: 'dep-en' }], ['TE-MSC', { id: 'grp-msc', departmentId: 'dep-te' }], ['TE-CRG', { id: 'grp-crg', departmentId: 'dep-te' }]]),
  rateOn: (currency, date) => (currency === 'EUR' && date >= '2024-01-01' ? { rate: '0.9412', validFrom: '2024-01-01' } : null),
  today: '2026-11-26',
}
const header = readContractHeader(CONTRACT_CSV_COLUMNS)
if (!header.ok) throw new Error(header.message)
const validate = (line: string) => validateContractRow(splitCsvRecord(line).fields, header.columns, lookups)

describe('contract CSV', () => {
  it('accepts its own template', () => {
    const [head, ...rows] = CONTRACT_CSV_TEMPLATE.trim().split('\n')
    const columns = readContractHeader(splitCsvRecord(head!).fields)
    expect(columns.ok).toBe(true)
    for (const row of rows) expect(validate(row)).toMatchObject({ ok: true })
  })

  it('names missing, unknown and repeated columns', () => {
    expect(readContractHeader(['order_number', 'date', 'supplier', 'supplier'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/missing columns award_date, category, establishment_country, amount, currency, department; unknown column date; column supplier given twice/),
    })
  })

  it('counts supplies for the origin of the goods and services for the establishment', () => {
    expect(validate('A-1,2024-05-01,S,SUPPLIES,DE,CH,100,CHF,,EN,EN-MME')).toMatchObject({ ok: true, row: { returnCountryCode: 'DE', groupId: 'grp-mme', exchangeRate: '1' } })
    expect(validate('A-2,2024-05-01,S,services,DE,CH,100,CHF,,EN,')).toMatchObject({ ok: true, row: { category: 'SERVICES', returnCountryCode: 'CH', groupId: null } })
    expect(validate('A-3,2024-05-01,S,SUPPLIES,,el,100,CHF,,EN,')).toMatchObject({ ok: true, row: { returnCountryCode: 'GR' } })
  })

  it('converts foreign amounts exactly, with the given rate or the rate table', () => {
    expect(validate('A-4,2024-05-01,S,SUPPLIES,,DE,1000.00,EUR,0.95,EN,')).toMatchObject({ ok: true, row: { amountMinor: 100_000, amountChfMinor: 95_000, exchangeRateDate: '2024-05-01' } })
    expect(validate('A-5,2024-05-01,S,SUPPLIES,,DE,1000.00,EUR,,EN,')).toMatchObject({ ok: true, row: { amountChfMinor: 94_120, exchangeRate: '0.9412', exchangeRateDate: '2024-01-01' } })
    expect(validate('A-6,2023-05-01,S,SUPPLIES,,DE,1000.00,EUR,,EN,')).toMatchObject({ ok: false, reasons: [expect.stringMatching(/no exchange rate for EUR on or before 2023-05-01/)] })
  })

  it('gives every reason a row is refused', () => {
    const result = validate('bad number!,2027-01-01,,GOODS,XX,,-5,XYZ,,EN,TE-MSC')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reasons).toEqual([
      expect.stringMatching(/order number "bad number!"/),
      'award date 2027-01-01 is in the future',
      'no supplier',
      expect.stringMatching(/category "GOODS"/),
      expect.stringMatching(/unknown country of origin "XX"/),
      'no country of establishment',
      expect.stringMatching(/amount "-5"/),
      expect.stringMatching(/currency "XYZ"/),
      'group TE-MSC is not in department EN',
    ])
  })
})
