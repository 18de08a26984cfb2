import { describe, expect, it } from 'vitest'
import { isComplete, windowCoverage } from './window-coverage.ts'
import { calendarWindow } from './window.ts'

const contract = (year: number, category: 'SUPPLIES' | 'SERVICES' = 'SUPPLIES', valueChfMinor = 100) => ({ year, category, valueChfMinor })

describe('windowCoverage', () => {
  it('names the years without a scale and the years without a contract of the category', () => {
    // 2017–2020 with data for 2020 only: the case that made Greece read -2.02.
    const coverage = windowCoverage([contract(2020), contract(2018, 'SERVICES'), contract(2019, 'SUPPLIES', 0)], [{ year: 2020 }, { year: 2019 }], calendarWindow(2017, 2020), 'SUPPLIES')
    expect(coverage).toEqual({ window: { fromYear: 2017, toYear: 2020 }, missingScaleYears: [2017, 2018], missingContractYears: [2017, 2018, 2019] })
    expect(isComplete(coverage)).toBe(false)
  })

  it('is complete when every year has a scale and a contract; years outside the window do not count', () => {
    const coverage = windowCoverage([contract(2021), contract(2022), contract(2016)], [{ year: 2021 }, { year: 2022 }], calendarWindow(2021, 2022), 'SUPPLIES')
    expect(coverage.missingScaleYears).toEqual([])
    expect(coverage.missingContractYears).toEqual([])
    expect(isComplete(coverage)).toBe(true)
    expect(isComplete(windowCoverage([contract(2021), contract(2022)], [{ year: 2021 }, { year: 2022 }], calendarWindow(2021, 2022), 'SERVICES'))).toBe(false)
  })
})
