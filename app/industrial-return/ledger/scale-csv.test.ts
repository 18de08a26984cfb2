import { describe, expect as vitestExpect, it } from 'vitest'
import { expectInEnglish } from './in-english.test-support.ts'

// Messages compared in their English translation (in-english.test-support.ts).
const expect = expectInEnglish
void vitestExpect
import type { CountryInfo } from '../arithmetic/coefficients.ts'
import { parseContributionsCsv } from './scale-csv.ts'
import { validateContributionScale } from '../arithmetic/scale-validation.ts'

/** Verbatim copy of shared/data/contributions-2009.csv (press.cern, "Facts and figures 2009"). */
const CONTRIBUTIONS_2009 = `year,country_iso2,country,contribution_pct
2009,AT,Austria,2.24
2009,BE,Belgium,2.77
2009,BG,Bulgaria,0.22
2009,CZ,Czech Republic,1.15
2009,DK,Denmark,1.76
2009,FI,Finland,1.55
2009,FR,France,15.34
2009,DE,Germany,19.88
2009,GR,Greece,1.96
2009,HU,Hungary,0.78
2009,IT,Italy,11.51
2009,NL,Netherlands,4.79
2009,NO,Norway,2.53
2009,PL,Poland,2.85
2009,PT,Portugal,1.14
2009,SK,Slovakia,0.54
2009,ES,Spain,8.52
2009,SE,Sweden,2.76
2009,CH,Switzerland,3.01
2009,GB,United Kingdom,14.70
`

describe('parseContributionsCsv', () => {
  it('reads the published 2009 scale, which validates and adds up to exactly 100', () => {
    const parsed = parseContributionsCsv(CONTRIBUTIONS_2009)
    expect(parsed.errors).toEqual([])
    expect(parsed.scales.map((s) => [s.year, s.rows.length])).toEqual([[2009, 20]])
    const scale = parsed.scales[0]!
    expect(scale.rows[7]).toEqual({ countryCode: 'DE', percent: '19.88', line: 9 })

    const members: CountryInfo[] = scale.rows.map((r) => ({ code: r.countryCode, name: r.countryCode, membership: 'MEMBER' }))
    const result = validateContributionScale({ year: scale.year, rows: scale.rows }, { countries: members })
    expect(result).toMatchObject({ ok: true, warnings: [] }) // no "within the tolerance" warning: the total is 100.00
  })

  it('maps EU/UK habits and country names to ISO codes, and accepts quotes, BOM, CRLF and any column order', () => {
    const text =
      '\uFEFFcountry,contribution_pct,year,country_iso2\r\nGreece,1.96,2010,EL\r\n"United Kingdom",14.70,2010,UK\r\n"Czechia",1.15,2010,\r\n\r\nFrance,15.34,2011,FR\r\n'
    const parsed = parseContributionsCsv(text)
    expect(parsed.errors).toEqual([])
    expect(parsed.scales).toEqual([
      {
        year: 2010,
        rows: [
          { countryCode: 'GR', percent: '1.96', line: 2 },
          { countryCode: 'GB', percent: '14.70', line: 3 },
          { countryCode: 'CZ', percent: '1.15', line: 4 },
        ],
      },
      { year: 2011, rows: [{ countryCode: 'FR', percent: '15.34', line: 6 }] },
    ])
  })

  it('reports every bad row with its line and keeps the good ones', () => {
    const text = [
      'year,country_iso2,country,contribution_pct',
      '2009,DE,France,19.88', // name and code disagree
      '09,AT,Austria,2.24', // not a year
      '2009,,Atlantis,1.00', // unknown name, no code
      '2009,AUT,Austria,2.24', // alpha-3
      '2009,,,1.00', // no country at all
      '2009,BE,"Belgium, Kingdom of",2.77', // quoted comma; unknown long name is fine when the code is given
    ].join('\n')
    const parsed = parseContributionsCsv(text)
    expect(parsed.errors).toEqual([
      { line: 2, message: 'line 2: "France" is FR, but country_iso2 says DE.' },
      { line: 3, message: 'line 3: "09" is not a year.' },
      { line: 4, message: 'line 4: unknown country name "Atlantis"; add its ISO code in country_iso2.' },
      { line: 5, message: 'line 5: "AUT" is not a two-letter ISO 3166-1 code.' },
      { line: 6, message: 'line 6 has no country.' },
    ])
    expect(parsed.scales).toEqual([{ year: 2009, rows: [{ countryCode: 'BE', percent: '2.77', line: 7 }] }])
  })

  it('refuses a file without the expected header', () => {
    expect(parseContributionsCsv('2009,AT,Austria,2.24\n').errors).toEqual([
      { line: 1, message: 'line 1 must be the header "year,country_iso2,country,contribution_pct".' },
    ])
    expect(parseContributionsCsv('').scales).toEqual([])
  })
})
