/**
 * Industry Days against the seed's target (pure, client-safe; ADR 043): "25% of the events dedicated
 * to individual countries should target the six most imbalanced Member and Associate Member States,
 * and 25% of companies invited to thematic Industry Days should be from the six most imbalanced
 * countries", from 2022 onwards (CERN Management vision 2021-2025).
 *
 * - The six most imbalanced states of a status year: the six lowest SUPPLIES coefficients of its
 *   window, among Member and Associate Member States with a coefficient; every state tied with the
 *   sixth is in (so there may be seven or more). `mostImbalancedStates` picks them from a report's rows.
 * - A day is measured against the six of the status year containing it (1 March to end of February).
 *   Which six those are is the caller's to say (`sixFor`): the server computes them on today's data,
 *   and names the published status year's for a day in a status year not yet published.
 * - Figures are per calendar year of the day. A country day counts once; a thematic day counts each
 *   invited company once per invitation (the same company invited twice counts twice).
 * - A day whose status year has no coefficient at all is listed, but counted in neither side of the share.
 */
import type { Membership } from './coefficients.ts'
import { compare, rational, toDisplayNumber, type Rational } from './rational.ts'
import { statusYearOf } from './window.ts'

export const INDUSTRY_DAY_TARGET = {
  /** How many of the lowest coefficients make "the most imbalanced states". */
  states: 6,
  /** The share of country days, and of invited companies, that should go to them. */
  share: rational(1, 4),
  percent: 25,
  /** "From 2022 onwards." Earlier years are shown, without a target. */
  fromYear: 2022,
  source: 'CERN Management vision 2021-2025, "Return to the Member and Associate Member States"',
} as const

export type IndustryDayTarget = typeof INDUSTRY_DAY_TARGET

export interface RankableCountry {
  countryCode: string
  name: string | null
  membership: Membership
  /** The coefficient bands and rankings use (after an Associate Member State's ceiling); null: none. */
  coefficient: Rational | null
}

export interface ImbalancedState {
  countryCode: string
  name: string
  coefficient: Rational
  /** 1 for the lowest; states with equal coefficients share a rank (two at 5 are followed by 7). */
  rank: number
}

/** The `n` lowest coefficients of Member and Associate Member States, and every state tied with the nth. */
export function mostImbalancedStates(rows: readonly RankableCountry[], n: number = INDUSTRY_DAY_TARGET.states): ImbalancedState[] {
  const ranked = rows
    .filter((row): row is RankableCountry & { coefficient: Rational } => row.coefficient !== null && (row.membership === 'MEMBER' || row.membership === 'ASSOCIATE'))
    .sort((a, b) => compare(a.coefficient, b.coefficient) || a.countryCode.localeCompare(b.countryCode))
  if (n <= 0 || ranked.length === 0) return []
  const last = ranked[Math.min(n, ranked.length) - 1]!.coefficient
  const states: ImbalancedState[] = []
  ranked.forEach((row, index) => {
    if (compare(row.coefficient, last) > 0) return
    const rank = index > 0 && compare(row.coefficient, ranked[index - 1]!.coefficient) === 0 ? states[index - 1]!.rank : index + 1
    states.push({ countryCode: row.countryCode, name: row.name ?? row.countryCode, coefficient: row.coefficient, rank })
  })
  return states
}

/** The six a day is measured against. */
export interface ImbalancedSix {
  /** The status year whose coefficients they are (the published one, for a day in a later status year). */
  statusYear: number
  /** Empty when that status year has no coefficient at all: its days are not counted. */
  states: readonly ImbalancedState[]
}

export interface IndustryDayFacts {
  id: string
  /** ISO calendar date. */
  heldOn: string
  kind: 'COUNTRY' | 'THEMATIC'
  /** For a country day. */
  countryCode: string | null
  /** For a thematic day. */
  theme: string | null
  invitations: readonly { companyName: string; countryCode: string }[]
}

export interface ShareFigure {
  /** Lines in the six of their day's status year. */
  targeted: number
  /** Lines whose status year has coefficients: the share's denominator. */
  counted: number
  /** Lines whose status year has none (listed, not counted). */
  uncounted: number
  /** targeted / counted; null when nothing is counted. */
  share: Rational | null
  /** The share in percent, one decimal, for display only. */
  percent: number | null
  /** Compared exactly with the target; null when nothing is counted or the target is not in force that year. */
  meetsTarget: boolean | null
}

interface LineFacts {
  dayId: string
  heldOn: string
  /** The status year containing the day. */
  statusYear: number
  /** The status year whose six the line was measured against; null when it had none. */
  measuredAgainst: number | null
  /** In the six; null when not counted. */
  targeted: boolean | null
}

export interface CountryDayLine extends LineFacts {
  countryCode: string
}

export interface InvitationLine extends LineFacts {
  theme: string
  companyName: string
  countryCode: string
}

export interface IndustryDayYear {
  year: number
  targetApplies: boolean
  countryDays: ShareFigure & { lines: CountryDayLine[] }
  invitations: ShareFigure & { lines: InvitationLine[]; thematicDays: number }
  /** The sixes the year's days were measured against, by status year. */
  sixes: ImbalancedSix[]
}

function figureOf(lines: readonly LineFacts[], targetApplies: boolean, target: IndustryDayTarget): ShareFigure {
  const counted = lines.filter((line) => line.targeted !== null)
  const targeted = counted.filter((line) => line.targeted).length
  const share = counted.length === 0 ? null : rational(targeted, counted.length)
  return {
    targeted,
    counted: counted.length,
    uncounted: lines.length - counted.length,
    share,
    percent: share && toDisplayNumber(rational(share.num * 100n, share.den), 1),
    meetsTarget: share && targetApplies ? compare(share, target.share) >= 0 : null,
  }
}

/** The two shares per calendar year that has a day, oldest year first; lines by date, then as recorded. */
export function industryDaySharesByYear(
  days: readonly IndustryDayFacts[],
  sixFor: (statusYear: number) => ImbalancedSix,
  target: IndustryDayTarget = INDUSTRY_DAY_TARGET,
): IndustryDayYear[] {
  const sixes = new Map<number, ImbalancedSix>()
  const sixOf = (statusYear: number) => {
    if (!sixes.has(statusYear)) sixes.set(statusYear, sixFor(statusYear))
    return sixes.get(statusYear)!
  }
  const byYear = new Map<number, IndustryDayFacts[]>()
  for (const day of [...days].sort((a, b) => a.heldOn.localeCompare(b.heldOn))) {
    const year = Number(day.heldOn.slice(0, 4))
    byYear.set(year, [...(byYear.get(year) ?? []), day])
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, yearDays]): IndustryDayYear => {
      const used = new Map<number, ImbalancedSix>()
      const measure = (day: IndustryDayFacts, countryCode: string): LineFacts => {
        const statusYear = statusYearOf(day.heldOn)
        const six = sixOf(statusYear)
        used.set(six.statusYear, six)
        const counted = six.states.length > 0
        return {
          dayId: day.id,
          heldOn: day.heldOn,
          statusYear,
          measuredAgainst: counted ? six.statusYear : null,
          targeted: counted ? six.states.some((state) => state.countryCode === countryCode) : null,
        }
      }
      const countryLines = yearDays
        .filter((day) => day.kind === 'COUNTRY' && day.countryCode !== null)
        .map((day): CountryDayLine => ({ ...measure(day, day.countryCode!), countryCode: day.countryCode! }))
      const thematic = yearDays.filter((day) => day.kind === 'THEMATIC')
      const invitationLines = thematic.flatMap((day) =>
        day.invitations.map((invitation): InvitationLine => ({ ...measure(day, invitation.countryCode), theme: day.theme ?? '', companyName: invitation.companyName, countryCode: invitation.countryCode })),
      )
      const targetApplies = year >= target.fromYear
      return {
        year,
        targetApplies,
        countryDays: { ...figureOf(countryLines, targetApplies, target), lines: countryLines },
        invitations: { ...figureOf(invitationLines, targetApplies, target), lines: invitationLines, thematicDays: thematic.length },
        sixes: [...used.values()].sort((a, b) => a.statusYear - b.statusYear),
      }
    })
}
