/** The order of the dashboard table's rows for a sort key and direction. */
import { compare, type Rational } from '../arithmetic/rational.ts'
import type { SortDirection, SortKey } from './dashboard-query.ts'
import type { CountryRowView } from './dashboard-view.ts'

/** The exact figures behind a row's display rounding, by country code. */
export type ExactFigures = Map<string, { coefficient: Rational | null; delta: Rational | null }>

const compareNullable = (a: number | null, b: number | null, direction: SortDirection): number => {
  if (a === null && b === null) return 0
  if (a === null) return 1 // countries without a figure go last either way
  if (b === null) return -1
  return direction === 'asc' ? a - b : b - a
}

export function sortCountryRows(rows: CountryRowView[], exact: ExactFigures, sort: SortKey, direction: SortDirection): CountryRowView[] {
  const sign = direction === 'asc' ? 1 : -1
  const exactCompare = (a: Rational | null, b: Rational | null) => {
    if (a === null && b === null) return 0
    if (a === null) return 1
    if (b === null) return -1
    return sign * compare(a, b)
  }
  const byKey: Record<SortKey, (a: CountryRowView, b: CountryRowView) => number> = {
    country: (a, b) => sign * a.name.localeCompare(b.name, 'en'),
    value: (a, b) => sign * (a.valueChfMinor - b.valueChfMinor),
    share: (a, b) => sign * (a.contractSharePercent - b.contractSharePercent),
    contribution: (a, b) => sign * (a.contributionSharePercent - b.contributionSharePercent),
    // Exact values: two coefficients that display alike still sort in their true order.
    coefficient: (a, b) => exactCompare(exact.get(a.countryCode)?.coefficient ?? null, exact.get(b.countryCode)?.coefficient ?? null),
    change: (a, b) => exactCompare(exact.get(a.countryCode)?.delta ?? null, exact.get(b.countryCode)?.delta ?? null),
  }
  return [...rows].sort((a, b) => byKey[sort](a, b) || compareNullable(a.valueChfMinor, b.valueChfMinor, 'desc') || a.countryCode.localeCompare(b.countryCode))
}
