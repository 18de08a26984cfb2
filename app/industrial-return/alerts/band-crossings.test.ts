import { describe, expect, it } from 'vitest'
import { bandsOf, bandTransitions } from './band-crossings.ts'
import type { Band } from '../arithmetic/bands.ts'
import { DEFAULT_BAND_POLICY } from '../arithmetic/bands.ts'
import { computeReturnCoefficients } from '../arithmetic/coefficients.ts'
import { calendarWindow } from '../arithmetic/window.ts'

const bands = (entries: Record<string, Band | null>) => new Map(Object.entries(entries))

describe('bandTransitions', () => {
  it('reports countries entering and leaving very poorly balanced, by code', () => {
    const previous = bands({ FR: 'VERY_POORLY', DE: 'POORLY', CH: 'WELL', SK: 'VERY_POORLY' })
    const current = bands({ FR: 'POORLY', DE: 'VERY_POORLY', CH: 'POORLY', SK: 'VERY_POORLY' })
    expect(bandTransitions(previous, current)).toEqual([
      { countryCode: 'DE', from: 'POORLY', to: 'VERY_POORLY', kind: 'ENTERED_VERY_POORLY' },
      { countryCode: 'FR', from: 'VERY_POORLY', to: 'POORLY', kind: 'LEFT_VERY_POORLY' },
    ])
  })

  it('treats a country missing from one side as having no band there', () => {
    expect(bandTransitions(bands({}), bands({ RS: 'VERY_POORLY', IL: 'WELL' }))).toEqual([
      { countryCode: 'RS', from: null, to: 'VERY_POORLY', kind: 'ENTERED_VERY_POORLY' },
    ])
    expect(bandTransitions(bands({ RS: 'VERY_POORLY' }), bands({ RS: null }))).toEqual([
      { countryCode: 'RS', from: 'VERY_POORLY', to: null, kind: 'LEFT_VERY_POORLY' },
    ])
    expect(bandTransitions(bands({}), bands({}))).toEqual([])
  })

  it('raises an alert when a country crosses 0.40, computed from two states of the data', () => {
    // FR 50 % of contributions. Before: FR 39 of 100 -> 0.39/0.5 = 0.78 POORLY.
    // After an import adding DE 96: FR 39 of 196 -> (39/196)/0.5 = 78/196 = 0.398 VERY_POORLY.
    const inputs = {
      window: calendarWindow(2023, 2023),
      category: 'SUPPLIES' as const,
      bandPolicy: DEFAULT_BAND_POLICY,
      countries: [
        { code: 'FR', name: 'France', membership: 'MEMBER' as const },
        { code: 'DE', name: 'Germany', membership: 'MEMBER' as const },
      ],
      scales: [
        {
          year: 2023,
          shares: [
            { countryCode: 'FR', percent: '50' },
            { countryCode: 'DE', percent: '50' },
          ],
        },
      ],
      contracts: [
        { year: 2023, countryCode: 'FR', category: 'SUPPLIES' as const, valueChfMinor: 39 },
        { year: 2023, countryCode: 'DE', category: 'SUPPLIES' as const, valueChfMinor: 61 },
      ],
    }
    const before = bandsOf(computeReturnCoefficients(inputs).rows)
    const after = bandsOf(
      computeReturnCoefficients({ ...inputs, contracts: [...inputs.contracts, { ...inputs.contracts[1]!, valueChfMinor: 96 }] }).rows,
    )
    expect(bandTransitions(before, after)).toEqual([{ countryCode: 'FR', from: 'POORLY', to: 'VERY_POORLY', kind: 'ENTERED_VERY_POORLY' }])
  })
})
