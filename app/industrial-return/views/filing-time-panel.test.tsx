import { renderMarkup as renderToStaticMarkup } from '../../../tests/support/render-markup'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BAND_POLICY } from '../arithmetic/bands.ts'
import { FilingTimeReturnPanel } from './filing-time-panel.tsx'
import type { FilingTimeReturn } from './filing-time.ts'

// Two members paying 80% and 20%; over 2022-2025 Germany won 990 000 CHF of supplies, Portugal 10 000.
const data: FilingTimeReturn = {
  statusYear: 2026,
  window: { fromYear: 2022, toYear: 2025 },
  windowLabel: '2022–2025',
  bandPolicy: DEFAULT_BAND_POLICY,
  countries: [
    { code: 'DE', name: 'Germany', membership: 'MEMBER' },
    { code: 'PT', name: 'Portugal', membership: 'MEMBER' },
    { code: 'US', name: 'United States', membership: 'OTHER' },
  ],
  scales: [{ year: 2024, budgetChfMinor: null, shares: [{ countryCode: 'DE', percent: '80' }, { countryCode: 'PT', percent: '20' }] }],
  contracts: [
    { year: 2024, countryCode: 'DE', category: 'SUPPLIES', valueChfMinor: 99_000_000 },
    { year: 2024, countryCode: 'PT', category: 'SUPPLIES', valueChfMinor: 1_000_000 },
  ],
  veryPoorly: [{ countryCode: 'PT', name: 'Portugal', coefficient: '0.05' }],
  computable: true,
  includesDemoData: false,
  ceilingYear: 2026,
  atCeiling: [],
}

describe('FilingTimeReturnPanel', () => {
  it('lists the very poorly balanced countries and projects the chosen one', () => {
    // 10 000 + 100 000 = 110 000 of 1 100 000: 10% of the value for 20% of contributions = 0.50.
    const html = renderToStaticMarkup(<FilingTimeReturnPanel data={data} countryCode="pt" category="SUPPLIES" amountChfMinor={10_000_000} />)
    expect(html).toContain('Very poorly balanced for supplies (2022–2025)')
    expect(html).toContain('Portugal (0.05)')
    expect(html).toMatch(/Portugal is <span class="badge danger">very poorly balanced<\/span> for supplies \(coefficient 0.05\); this contract would move it to 0.50 \(<span class="badge warn">poorly balanced<\/span>\)/)
  })

  it('says when a country has no coefficient, and when nothing can be computed', () => {
    expect(renderToStaticMarkup(<FilingTimeReturnPanel data={data} countryCode="US" category="SUPPLIES" amountChfMinor={100} />)).toMatch(/United States has no supplies coefficient/)
    expect(renderToStaticMarkup(<FilingTimeReturnPanel data={{ ...data, computable: false }} countryCode="PT" category="SUPPLIES" amountChfMinor={100} />)).toMatch(/No coefficient can be computed/)
    expect(renderToStaticMarkup(<FilingTimeReturnPanel data={data} countryCode="" category={null} amountChfMinor={null} />)).toMatch(/Choose the country and category/)
  })

  it('warns when the contract would go to an Associate that has reached its ceiling for the year, in that category', () => {
    const withCeiling: FilingTimeReturn = {
      ...data,
      countries: [...data.countries, { code: 'BR', name: 'Brazil', membership: 'ASSOCIATE' }],
      atCeiling: [
        {
          countryCode: 'BR',
          name: 'Brazil',
          year: 2026,
          ceiling: '1.50',
          coefficients: { SUPPLIES: { display: '1.62', precise: '1.6240', reached: true }, SERVICES: { display: '0.20', precise: '0.2000', reached: false } },
          reachedIn: ['SUPPLIES'],
        },
      ],
    }
    const supplies = renderToStaticMarkup(<FilingTimeReturnPanel data={withCeiling} countryCode="br" category="SUPPLIES" amountChfMinor={100} />)
    expect(supplies).toContain('<strong>Brazil has reached its ceiling for 2026</strong> (supplies 1.62 against a ceiling of 1.50)')
    expect(renderToStaticMarkup(<FilingTimeReturnPanel data={withCeiling} countryCode="BR" category="SERVICES" amountChfMinor={100} />)).not.toContain('reached its ceiling')
    expect(renderToStaticMarkup(<FilingTimeReturnPanel data={withCeiling} countryCode="PT" category="SUPPLIES" amountChfMinor={100} />)).not.toContain('reached its ceiling')
  })
})
