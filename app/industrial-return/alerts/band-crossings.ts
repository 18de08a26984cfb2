/**
 * Which countries crossed the "very poorly balanced" line (supplies) between two computations.
 * Pure: the persistence layer stores each transition as an alert and emails from it.
 *
 * Only crossings of that line are alerts (POORLY <-> WELL is not). A country missing from one of the
 * maps counts as having no band there, so a country that newly appears already very poorly
 * balanced raises ENTERED_VERY_POORLY, and one that disappears while very poorly raises LEFT.
 */
import { veryPoorlyTransition, type Band, type VeryPoorlyTransition } from '../arithmetic/bands.ts'
import type { CountryReturn } from '../arithmetic/coefficients.ts'

export interface BandTransition {
  countryCode: string
  from: Band | null
  to: Band | null
  kind: VeryPoorlyTransition
}

export function bandTransitions(
  previousBands: ReadonlyMap<string, Band | null>,
  currentBands: ReadonlyMap<string, Band | null>,
): BandTransition[] {
  const codes = [...new Set([...previousBands.keys(), ...currentBands.keys()])].sort()
  return codes.flatMap((countryCode) => {
    const from = previousBands.get(countryCode) ?? null
    const to = currentBands.get(countryCode) ?? null
    const kind = veryPoorlyTransition(from, to)
    return kind ? [{ countryCode, from, to, kind }] : []
  })
}

/** The band map of a computed report, the form `bandTransitions` compares (and the form worth storing). */
export const bandsOf = (rows: readonly CountryReturn[]): Map<string, Band | null> => new Map(rows.map((row) => [row.countryCode, row.band]))
