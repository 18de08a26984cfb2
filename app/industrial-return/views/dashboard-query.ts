/** The dashboard's window, category and sort order, as query parameters (GET forms and links work without JavaScript). */
import type { Category } from '../arithmetic/bands.ts'
import { calendarWindow, defaultWindowFor, type CalendarWindow } from '../arithmetic/window.ts'
import { message } from '~/i18n/message'
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

/** What was wrong with an asked window, per field, as messages (`message(...)`, translated where shown); empty when nothing was. */
export type WindowErrors = { from?: string; to?: string }

/** The years as the person typed them, to give them back in the form next to its messages. */
export type AskedWindow = { from: string; to: string }

const yearProblem = (text: string): string | null => {
  if (!/^\d{4}$/.test(text)) return message('industrial-return:windowErrors.notAYear', { text: text.length > 20 ? `${text.slice(0, 20)}…` : text })
  const value = Number(text)
  return value >= MIN_YEAR && value <= MAX_YEAR ? null : message('industrial-return:windowErrors.outOfRange', { min: MIN_YEAR, max: MAX_YEAR })
}

/**
 * The window asked by ?from=&to=, or why it cannot be shown. Neither given is the default window, no
 * error; anything else must be two years in order, at most MAX_WINDOW_YEARS long. The messages name
 * the field they belong to, so the form shows each under its input.
 */
export function readAskedWindow(params: URLSearchParams): { window: CalendarWindow | null; errors: WindowErrors; asked: AskedWindow | null } {
  const fromText = (params.get('from') ?? '').trim()
  const toText = (params.get('to') ?? '').trim()
  if (fromText === '' && toText === '') return { window: null, errors: {}, asked: null }
  const asked = { from: fromText, to: toText }
  const errors: WindowErrors = {}
  if (fromText === '') errors.from = message('industrial-return:windowErrors.fromMissing')
  else if (yearProblem(fromText)) errors.from = yearProblem(fromText)!
  if (toText === '') errors.to = message('industrial-return:windowErrors.toMissing')
  else if (yearProblem(toText)) errors.to = yearProblem(toText)!
  if (errors.from || errors.to) return { window: null, errors, asked }
  const from = Number(fromText)
  const to = Number(toText)
  if (from > to) return { window: null, errors: { to: message('industrial-return:windowErrors.toBeforeFrom', { from }) }, asked }
  if (to - from >= MAX_WINDOW_YEARS) return { window: null, errors: { to: message('industrial-return:windowErrors.tooLong', { years: MAX_WINDOW_YEARS, last: from + MAX_WINDOW_YEARS - 1 }) }, asked }
  return { window: calendarWindow(from, to), errors: {}, asked }
}

export const hasWindowErrors = (errors: WindowErrors) => Boolean(errors.from || errors.to)

/**
 * Reads ?from=&to=&category=&sort=&dir=. A window that cannot be shown falls back to the default
 * one, with `windowErrors` saying why (the page shows them and answers 400); category and order,
 * set by a select and by links, fall back silently.
 */
export function parseDashboardQuery(
  params: URLSearchParams,
  inputs: Pick<ReturnInputs, 'statusYear' | 'policy'>,
): DashboardQuery & { defaultWindow: CalendarWindow; windowErrors: WindowErrors; askedWindow: AskedWindow | null } {
  const defaultWindow = defaultWindowFor(inputs.statusYear, inputs.policy.windowYears)
  const asked = readAskedWindow(params)
  const window = asked.window ?? defaultWindow
  const category = params.get('category') === 'SERVICES' ? 'SERVICES' : 'SUPPLIES'
  const sortParam = params.get('sort')
  const sort = (SORT_KEYS as readonly string[]).includes(sortParam ?? '') ? (sortParam as SortKey) : 'coefficient'
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc'
  return { window, category, sort, direction, defaultWindow, windowErrors: asked.errors, askedWindow: hasWindowErrors(asked.errors) ? asked.asked : null }
}
