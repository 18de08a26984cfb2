/**
 * "The exchange rate valid on a date", the one rule used by filing, awards and imports: procurement's
 * rate table gives a currency a rate from a date on; the rate valid on day D is the one with the latest
 * `validFrom` on or before D. CHF is always 1. Pure: the caller loads the table (one row for a single
 * lookup, the whole table for an import of 100 000 rows).
 */
import type { Currency } from './currency.ts'

export type RateEntry = { currency: string; validFrom: string; chfPerUnit: string }
export type RateValidOn = { chfPerUnit: string; validFrom: string }

/** The entry valid on `isoDate`, or null when the table has none on or before it. */
export function rateValidOn(table: readonly RateEntry[], currency: Currency | string, isoDate: string): RateValidOn | null {
  if (currency === 'CHF') return { chfPerUnit: '1', validFrom: isoDate }
  let best: RateEntry | null = null
  for (const entry of table) {
    if (entry.currency !== currency || entry.validFrom > isoDate) continue
    if (best === null || entry.validFrom > best.validFrom) best = entry
  }
  return best ? { chfPerUnit: best.chfPerUnit, validFrom: best.validFrom } : null
}
