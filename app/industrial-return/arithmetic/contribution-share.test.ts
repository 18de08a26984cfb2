import { describe, expect, it } from 'vitest'
import { contributionSharesOver, type ContributionScale } from './contribution-share.ts'
import { rational } from './rational.ts'
import { calendarWindow } from './window.ts'

const scale = (year: number, percents: Record<string, string>, budgetChfMinor?: number | null): ContributionScale => ({
  year,
  budgetChfMinor,
  shares: Object.entries(percents).map(([countryCode, percent]) => ({ countryCode, percent })),
})

describe('contributionSharesOver', () => {
  it('weights by budget when every year of the window has one', () => {
    // (2 * 0.2084 + 1 * 0.1988) / 3 = 0.6156 / 3 = 0.2052
    const result = contributionSharesOver(
      [scale(2021, { DE: '20.8400' }, 200), scale(2022, { DE: '19.88' }, 100)],
      calendarWindow(2021, 2022),
    )
    expect(result.method).toBe('BUDGET_WEIGHTED')
    expect(result.shares.get('DE')).toEqual(rational(2052n, 10000n))
  })

  it('falls back to the plain mean when a budget is unknown (null, absent or 0)', () => {
    // (0.2084 + 0.1988) / 2 = 0.2036
    for (const unknown of [null, undefined, 0]) {
      const result = contributionSharesOver(
        [scale(2021, { DE: '20.84' }, 200), scale(2022, { DE: '19.88' }, unknown)],
        calendarWindow(2021, 2022),
      )
      expect(result.method).toBe('PLAIN_MEAN')
      expect(result.shares.get('DE')).toEqual(rational(2036n, 10000n))
    }
  })

  it('leaves years without a scale out of the mean, even when the others have budgets', () => {
    const result = contributionSharesOver([scale(2022, { DE: '20' }, 100), scale(2019, { DE: '90' }, 100)], calendarWindow(2021, 2023))
    expect(result).toMatchObject({ method: 'PLAIN_MEAN', scaleYears: [2022], missingScaleYears: [2021, 2023] })
    expect(result.shares.get('DE')).toEqual(rational(1n, 5n)) // 2019 is outside the window
  })

  it('has no share for a country that contributed nothing, and none at all without scales', () => {
    const result = contributionSharesOver([scale(2021, { DE: '100', FR: '0' })], calendarWindow(2021, 2021))
    expect(result.shares.has('FR')).toBe(false)
    expect(contributionSharesOver([], calendarWindow(2021, 2022)).shares.size).toBe(0)
  })

  it('refuses a country twice in one year and a negative budget', () => {
    expect(() =>
      contributionSharesOver(
        [
          {
            year: 2021,
            shares: [
              { countryCode: 'DE', percent: '1' },
              { countryCode: 'DE', percent: '2' },
            ],
          },
        ],
        calendarWindow(2021, 2021),
      ),
    ).toThrow(/twice/)
    expect(() => contributionSharesOver([scale(2021, { DE: '1' }, -5)], calendarWindow(2021, 2021))).toThrow(RangeError)
  })
})
