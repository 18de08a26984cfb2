import { parseAmount } from '~/money/amount'
import { isIsoDate } from '~/calendar/calendar-date'
import { JUSTIFICATION_STATUSES, type JustificationStatus } from './labels'

// Filters and sorting of the justification lists arrive as query parameters (GET forms and links
// work without JavaScript); this module parses them, refusing bad values with a message instead of
// failing. Client-safe.

export const PAGE_SIZE = 50
import { UUID } from '~/http/uuid'
import { message } from '~/i18n/message'
const MAX_TEXT_QUERY = 200

export const SORT_KEYS = ['reference', 'title', 'supplier', 'amount', 'status', 'submitted', 'created'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

/** The direction a column sorts in when first clicked: text A→Z, amounts and dates largest/newest first. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  reference: 'desc',
  title: 'asc',
  supplier: 'asc',
  amount: 'desc',
  status: 'asc',
  submitted: 'desc',
  created: 'desc',
}

export const FILTER_NAMES = ['status', 'q', 'department', 'group', 'country', 'minChf', 'maxChf', 'from', 'to'] as const
export type FilterName = (typeof FILTER_NAMES)[number]

export type ListFilters = {
  status: JustificationStatus | null
  /** Words looked for in the reference, the title and the supplier's name. */
  q: string
  departmentId: string | null
  groupId: string | null
  supplierCountryCode: string | null
  minChfMinor: number | null
  maxChfMinor: number | null
  /** Calendar days in the organisation's time zone, both inclusive. */
  submittedFrom: string | null
  submittedTo: string | null
}

export type ListQuery = ListFilters & { sort: SortKey; dir: SortDirection; page: number }

export type ParsedListQuery = {
  query: ListQuery
  /** A message per filter whose value was refused (the filter is then not applied). */
  problems: Partial<Record<FilterName, string>>
  /** The filter values as typed, to show them again in the form. */
  values: Record<FilterName, string>
}

export function parseListQuery(params: URLSearchParams, defaults: { sort: SortKey; dir: SortDirection }): ParsedListQuery {
  const raw = (name: string) => (params.get(name) ?? '').trim()
  const values = Object.fromEntries(FILTER_NAMES.map((name) => [name, raw(name)])) as Record<FilterName, string>
  const problems: ParsedListQuery['problems'] = {}

  let status: JustificationStatus | null = null
  if (values.status) {
    if ((JUSTIFICATION_STATUSES as readonly string[]).includes(values.status)) status = values.status as JustificationStatus
    else problems.status = message('forms:filters.status')
  }
  let q = values.q
  if (q.length > MAX_TEXT_QUERY) {
    problems.q = message('forms:filters.words', { max: MAX_TEXT_QUERY })
    q = ''
  }
  const uuid = (name: 'department' | 'group') => {
    if (!values[name]) return null
    if (UUID.test(values[name])) return values[name].toLowerCase()
    problems[name] = message(`forms:filters.${name}`)
    return null
  }
  const departmentId = uuid('department')
  const groupId = uuid('group')
  let supplierCountryCode: string | null = null
  if (values.country) {
    if (/^[A-Za-z]{2}$/.test(values.country)) supplierCountryCode = values.country.toUpperCase()
    else problems.country = message('forms:filters.country')
  }
  const amount = (name: 'minChf' | 'maxChf') => {
    if (!values[name]) return null
    const parsed = parseAmount(values[name])
    if (parsed.ok) return parsed.minor
    problems[name] = parsed.message
    return null
  }
  let minChfMinor = amount('minChf')
  let maxChfMinor = amount('maxChf')
  if (minChfMinor !== null && maxChfMinor !== null && minChfMinor > maxChfMinor) {
    problems.maxChf = message('forms:filters.maxBelowMin')
    minChfMinor = maxChfMinor = null
  }
  const date = (name: 'from' | 'to') => {
    if (!values[name]) return null
    if (isIsoDate(values[name])) return values[name]
    problems[name] = message('forms:date.format')
    return null
  }
  let submittedFrom = date('from')
  let submittedTo = date('to')
  if (submittedFrom && submittedTo && submittedFrom > submittedTo) {
    problems.to = message('forms:filters.lastBeforeFirst')
    submittedFrom = submittedTo = null
  }

  const sortParam = raw('sort')
  const sort = (SORT_KEYS as readonly string[]).includes(sortParam) ? (sortParam as SortKey) : defaults.sort
  const dirParam = raw('dir')
  const dir: SortDirection = dirParam === 'asc' || dirParam === 'desc' ? dirParam : sortParam === sort ? FIRST_DIRECTION[sort] : defaults.dir
  const pageParam = Number(raw('page'))
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 100_000 ? pageParam : 1

  return {
    query: { status, q, departmentId, groupId, supplierCountryCode, minChfMinor, maxChfMinor, submittedFrom, submittedTo, sort, dir, page },
    problems,
    values,
  }
}

export const noFilters: ListFilters = {
  status: null,
  q: '',
  departmentId: null,
  groupId: null,
  supplierCountryCode: null,
  minChfMinor: null,
  maxChfMinor: null,
  submittedFrom: null,
  submittedTo: null,
}

export const MY_LIST_DEFAULT_SORT = { sort: 'created', dir: 'desc' } as const satisfies { sort: SortKey; dir: SortDirection }
export const PROCUREMENT_LIST_DEFAULT_SORT = { sort: 'submitted', dir: 'desc' } as const satisfies { sort: SortKey; dir: SortDirection }
