/**
 * The Industry Days page's data (ADR 043): every day recorded, and per calendar year the share of
 * country days and of thematic invitations in the six most imbalanced states of each day's status year.
 *
 * The six of a status year are computed on today's data (like the standing status), from the
 * SUPPLIES report of its default window: contracts and scales entered late count for the years they
 * belong to. A day in a status year that is not published yet (planned ahead) is measured against the
 * six of the published one, and the page says so. The reports are computed once per data change
 * (docs/decisions/029); the days, a small table, are read on every request.
 */
import { calendarDateIn } from '~/calendar/calendar-date'
import type { Database } from '~/db/client.server'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import { industryDaySharesByYear, INDUSTRY_DAY_TARGET, mostImbalancedStates, type ImbalancedSix, type IndustryDayYear, type ShareFigure } from '../arithmetic/industry-day-shares.ts'
import { defaultWindowFor, formatWindow, statusYearBounds } from '../arithmetic/window.ts'
import { computedPerDataChange, readReturnDataVersions } from '../views/computed-per-data-change.server.ts'
import { loadReturnInputs } from '../views/return-inputs.server.ts'
import { computeReport, type ReturnInputs } from '../views/return-report.ts'
import { INDUSTRY_DAY_SELECT, industryDayRecordOf, type IndustryDayRecord } from './industry-day-rows.server.ts'

export interface SixView {
  statusYear: number
  /** "1 Mar 2026 – 28 Feb 2027" is the page's to format: ISO dates here. */
  startsOn: string
  endsOn: string
  windowLabel: string
  states: { countryCode: string; name: string; rank: number; coefficient: string; coefficientPrecise: string }[]
}

type Figure = Omit<ShareFigure, 'share'>

export interface IndustryDayYearView {
  year: number
  targetApplies: boolean
  countryDays: Figure & { lines: (IndustryDayYear['countryDays']['lines'][number] & { countryName: string; isDemo: boolean })[] }
  invitations: Figure & { thematicDays: number; lines: (IndustryDayYear['invitations']['lines'][number] & { countryName: string; isDemo: boolean })[] }
  sixes: SixView[]
}

/** The sixes of every status year, from one set of inputs; kept with them under the data version. */
function sixesOf(inputs: ReturnInputs) {
  const sixes = new Map<number, ImbalancedSix & { view: SixView }>()
  return (statusYear: number) => {
    // A status year not published yet has no figures of its own: the published one's six stand in.
    const measured = Math.min(statusYear, inputs.statusYear)
    if (!sixes.has(measured)) {
      const window = defaultWindowFor(measured, inputs.policy.windowYears)
      const states = mostImbalancedStates(computeReport(inputs, window, 'SUPPLIES').rows, INDUSTRY_DAY_TARGET.states)
      sixes.set(measured, {
        statusYear: measured,
        states,
        view: {
          statusYear: measured,
          ...statusYearBounds(measured),
          windowLabel: formatWindow(window),
          states: states.map((state) => {
            const { display, precise } = formatCoefficient(state.coefficient, 'SUPPLIES', inputs.policy.bands)
            return { countryCode: state.countryCode, name: state.name, rank: state.rank, coefficient: display, coefficientPrecise: precise }
          }),
        },
      })
    }
    return sixes.get(measured)!
  }
}

async function sixesToday(db: Database, now: Date) {
  const versions = await readReturnDataVersions(db)
  const today = calendarDateIn(now)
  return computedPerDataChange(db, versions.figures, `industry-day-sixes:${today}`, async () => {
    const inputs = await loadReturnInputs(db, now)
    return { statusYear: inputs.statusYear, countries: inputs.countries, sixFor: sixesOf(inputs) }
  })
}

const withoutShare = ({ share: _share, ...figure }: ShareFigure): Figure => figure

export async function loadIndustryDayShares(db: Database, now: Date) {
  const [rows, sixes] = await Promise.all([
    db.industryDay.findMany({ select: INDUSTRY_DAY_SELECT, orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }] }),
    sixesToday(db, now),
  ])
  const days: IndustryDayRecord[] = rows.map(industryDayRecordOf)
  const names = new Map(sixes.countries.map((country) => [country.code, country.name]))
  const nameOf = (code: string) => names.get(code) ?? code
  const demo = new Set(days.filter((day) => day.isDemo).map((day) => day.id))
  const years: IndustryDayYearView[] = industryDaySharesByYear(days, sixes.sixFor).map((year) => ({
    year: year.year,
    targetApplies: year.targetApplies,
    countryDays: {
      ...withoutShare(year.countryDays),
      lines: year.countryDays.lines.map((line) => ({ ...line, countryName: nameOf(line.countryCode), isDemo: demo.has(line.dayId) })),
    },
    invitations: {
      ...withoutShare(year.invitations),
      thematicDays: year.invitations.thematicDays,
      lines: year.invitations.lines.map((line) => ({ ...line, countryName: nameOf(line.countryCode), isDemo: demo.has(line.dayId) })),
    },
    sixes: year.sixes.map((six) => sixes.sixFor(six.statusYear).view),
  }))
  return {
    publishedStatusYear: sixes.statusYear,
    target: { percent: INDUSTRY_DAY_TARGET.percent, states: INDUSTRY_DAY_TARGET.states, fromYear: INDUSTRY_DAY_TARGET.fromYear, source: INDUSTRY_DAY_TARGET.source },
    years,
    days: days.map((day) => ({ ...day, countryName: day.countryCode ? nameOf(day.countryCode) : null, invitationCount: day.invitations.length })),
  }
}

export type IndustryDayShares = Awaited<ReturnType<typeof loadIndustryDayShares>>
