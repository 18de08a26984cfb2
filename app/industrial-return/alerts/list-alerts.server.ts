import type { Database } from '~/db/client.server'
import { message } from '~/i18n/message'
import { DEFAULT_BAND_POLICY, type BandPolicy } from '../arithmetic/bands.ts'
import { formatCoefficient } from '../arithmetic/coefficient-format.ts'
import { parseRational } from '../arithmetic/rational.ts'
import { formatWindow, statusYearOfDefaultWindow } from '../arithmetic/window.ts'

export interface AlertView {
  id: string
  countryCode: string
  countryName: string
  entered: boolean
  /** Two decimals and four, on the band's side of every line (coefficient-format.ts). */
  coefficient: string | null
  coefficientPrecise: string | null
  window: string
  /** The published status year the alert concerns: the one whose default window it was computed over. */
  statusYear: number
  /** As stored: a message (`message(...)`, translated where shown) or, for alerts raised before issue 14, English text. */
  cause: string
  raisedAt: string
  acknowledgedAt: string | null
  /** A person's name, or a message when they are no longer listed. */
  acknowledgedBy: string | null
  /** Open alerts only: the same country's earlier crossings still open, which acknowledging this one acknowledges too. */
  earlierOpen: { entered: boolean; raisedAt: string; statusYear: number }[]
}

/** More open alerts than this are not read at once (each country shows once, with its latest crossing). */
const OPEN_ALERTS_READ = 1000

/**
 * The alerts, latest first. Open ones (`open: true`) once per country: its latest crossing, with the
 * earlier ones still open beside it (a country that entered and then left shows once, as "left").
 * Coefficients are written from the exact value stored with each alert, for the band lines of `bands`.
 */
export async function listAlerts(db: Database, { open, limit = 100, bands = DEFAULT_BAND_POLICY }: { open: boolean; limit?: number; bands?: BandPolicy }): Promise<AlertView[]> {
  const alerts = await db.returnAlert.findMany({
    where: open ? { acknowledgedAt: null } : {},
    orderBy: [{ raisedAt: 'desc' }, { countryCode: 'asc' }],
    take: open ? OPEN_ALERTS_READ : limit,
  })
  const [countries, people] = await Promise.all([
    db.country.findMany({ where: { code: { in: [...new Set(alerts.map((a) => a.countryCode))] } }, select: { code: true, name: true } }),
    db.person.findMany({ where: { id: { in: alerts.flatMap((a) => (a.acknowledgedById ? [a.acknowledgedById] : [])) } }, select: { id: true, name: true } }),
  ])
  const countryName = new Map(countries.map((c) => [c.code, c.name]))
  const personName = new Map(people.map((p) => [p.id, p.name]))
  const views = alerts.map((alert): AlertView => {
    const exact = alert.coefficient ? parseRational(alert.coefficient) : null
    const figures = exact ? formatCoefficient(exact, 'SUPPLIES', bands) : { display: alert.coefficientDisplay, precise: alert.coefficientDisplay }
    const window = { fromYear: alert.windowFromYear, toYear: alert.windowToYear }
    return {
      id: alert.id,
      countryCode: alert.countryCode,
      countryName: countryName.get(alert.countryCode) ?? alert.countryCode,
      entered: alert.kind === 'ENTERED_VERY_POORLY',
      coefficient: figures.display,
      coefficientPrecise: figures.precise,
      window: formatWindow(window),
      statusYear: statusYearOfDefaultWindow(window),
      cause: alert.cause,
      raisedAt: alert.raisedAt.toISOString(),
      acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: alert.acknowledgedById ? (personName.get(alert.acknowledgedById) ?? message('industrial-return:alerts.someoneNoLongerListed')) : null,
      earlierOpen: [],
    }
  })
  if (!open) return views
  const latest = new Map<string, AlertView>()
  for (const view of views) {
    const shown = latest.get(view.countryCode)
    if (shown) shown.earlierOpen.push({ entered: view.entered, raisedAt: view.raisedAt, statusYear: view.statusYear })
    else latest.set(view.countryCode, view)
  }
  return [...latest.values()].slice(0, limit)
}
