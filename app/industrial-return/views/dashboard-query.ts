/** The dashboard's window, category and sort order, as query parameters (GET forms and links work without JavaScript). */
import type { Category } from '../arithmetic/bands.ts'
import { calendarWindow, defaultWindowFor, type CalendarWindow } from '../arithmetic/window.ts'
import type { ReturnInputs } from './return-report.ts'

export const SORT_KEYS = ['country', 'value', 'share', 'contribution', 'coefficient', 'change'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

export interface DashboardQuery {
  window: CalendarWindow
  category: Category
  sort: SortKey
  direction: SortDirection
}

export const MIN_YEAR = 1950
export const MAX_YEAR = 2200
export const MAX_WINDOW_YEARS = 25

/** Reads ?from=&to=&category=&sort=&dir= leniently: anything invalid falls back to the default. */
export function parseDashboardQuery(params: URLSearchParams, inputs: Pick<ReturnInputs, 'statusYear' | 'policy'>): DashboardQuery & { defaultWindow: CalendarWindow } {
  const defaultWindow = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const year = (name: string) => {
    const text = params.get(name) ?? ''
    const value = /^\d{4}$/.test(text) ? Number(text) : NaN
    return value >= MIN_YEAR && value <= MAX_YEAR ? value : null
  }
  const from = year('from')
  const to = year('to')
  const window = from !== null && to !== null && from <= to && to - from < MAX_WINDOW_YEARS ? calendarWindow(from, to) : defaultWindow
  const category = params.get('category') === 'SERVICES' ? 'SERVICES' : 'SUPPLIES'
  const sortParam = params.get('sort')
  const sort = (SORT_KEYS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'coefficient'
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc'
  return { window, category, sort, direction, defaultWindow }
}
