import type { SignedInPerson } from '~/auth/session.server'
import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Prisma } from '~/generated/prisma/client'
import { parseAmount } from '~/money/amount'
import { calendarDateIn, isIsoDate } from '~/workflow/calendar-date'
import { policyInForce, type PolicyTier } from '~/workflow/signature-policy'
import { toCsv } from './csv'
import { categoryLabels, JUSTIFICATION_STATUSES, statusLabels, type Category, type JustificationStatus } from './labels'
import { loadPolicies } from './signature-policy.server'
import { visibleTo } from './visibility.server'

// The lists of justifications: mine (and my group's), awaiting my signature, signed by me, and
// procurement's every-justification list with its CSV export. Every query goes through visibleTo.
// Filters and sorting arrive as query parameters (GET forms and links work without JavaScript);
// this module parses them, refusing bad values with a message instead of failing.

export type Viewer = Pick<SignedInPerson, 'id' | 'groupId' | 'isProcurementOfficer' | 'isAdministrator'>

const ORGANISATION_TIME_ZONE = 'Europe/Zurich'
export const PAGE_SIZE = 50
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_TEXT_QUERY = 200

// ---------------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------------

export const SORT_KEYS = ['reference', 'title', 'supplier', 'amount', 'status', 'submitted', 'created'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

/** The direction a column sorts in when first clicked: text A→Z, amounts and dates largest/newest first. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
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
    else problems.status = 'Choose a status from the list.'
  }
  let q = values.q
  if (q.length > MAX_TEXT_QUERY) {
    problems.q = `Search for at most ${MAX_TEXT_QUERY} characters.`
    q = ''
  }
  const uuid = (name: 'department' | 'group', what: string) => {
    if (!values[name]) return null
    if (UUID.test(values[name])) return values[name].toLowerCase()
    problems[name] = `Choose a ${what} from the list.`
    return null
  }
  const departmentId = uuid('department', 'department')
  const groupId = uuid('group', 'group')
  let supplierCountryCode: string | null = null
  if (values.country) {
    if (/^[A-Za-z]{2}$/.test(values.country)) supplierCountryCode = values.country.toUpperCase()
    else problems.country = 'Choose a country from the list.'
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
    problems.maxChf = 'The largest amount must not be below the smallest.'
    minChfMinor = maxChfMinor = null
  }
  const date = (name: 'from' | 'to') => {
    if (!values[name]) return null
    if (isIsoDate(values[name])) return values[name]
    problems[name] = 'Enter a date like 2026-03-01.'
    return null
  }
  let submittedFrom = date('from')
  let submittedTo = date('to')
  if (submittedFrom && submittedTo && submittedFrom > submittedTo) {
    problems.to = 'The last day must not be before the first.'
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

/** The first instant of a calendar day in the organisation's time zone. */
export function startOfDay(date: string, timeZone = ORGANISATION_TIME_ZONE): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`)
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(instant))
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
    return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - instant
  }
  // Two rounds settle the offset even when the first guess falls on the other side of a DST change.
  const guess = midnightUtc - offsetAt(midnightUtc)
  return new Date(midnightUtc - offsetAt(guess))
}

function nextDay(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000)
  return next.toISOString().slice(0, 10)
}

export function filtersWhere(filters: ListFilters): Prisma.JustificationWhereInput {
  const and: Prisma.JustificationWhereInput[] = []
  if (filters.status) and.push({ status: filters.status })
  if (filters.q) {
    const words = filters.q.split(/\s+/).filter(Boolean).slice(0, 8)
    for (const word of words) {
      and.push({
        OR: [
          { reference: { contains: word, mode: 'insensitive' } },
          { title: { contains: word, mode: 'insensitive' } },
          { supplierName: { contains: word, mode: 'insensitive' } },
        ],
      })
    }
  }
  if (filters.departmentId) and.push({ group: { departmentId: filters.departmentId } })
  if (filters.groupId) and.push({ groupId: filters.groupId })
  if (filters.supplierCountryCode) and.push({ supplierCountryCode: filters.supplierCountryCode })
  if (filters.minChfMinor !== null) and.push({ amountChfMinor: { gte: BigInt(filters.minChfMinor) } })
  if (filters.maxChfMinor !== null) and.push({ amountChfMinor: { lte: BigInt(filters.maxChfMinor) } })
  if (filters.submittedFrom) and.push({ submittedAt: { gte: startOfDay(filters.submittedFrom) } })
  if (filters.submittedTo) and.push({ submittedAt: { lt: startOfDay(nextDay(filters.submittedTo)) } })
  return and.length ? { AND: and } : {}
}

function orderBy(sort: SortKey, dir: SortDirection): Prisma.JustificationOrderByWithRelationInput[] {
  const tieBreak: Prisma.JustificationOrderByWithRelationInput = { reference: dir }
  switch (sort) {
    case 'reference':
      return [{ reference: dir }]
    case 'title':
      return [{ title: dir }, tieBreak]
    case 'supplier':
      return [{ supplierName: dir }, tieBreak]
    case 'amount':
      // Drafts have no CHF equivalent yet: they go last either way.
      return [{ amountChfMinor: { sort: dir, nulls: 'last' } }, tieBreak]
    case 'status':
      return [{ status: dir }, tieBreak]
    case 'submitted':
      return [{ submittedAt: { sort: dir, nulls: 'last' } }, tieBreak]
    case 'created':
      return [{ createdAt: dir }, tieBreak]
  }
}

// ---------------------------------------------------------------------------------------------
// Links for sortable column headers and pages (computed here so the pages stay thin)
// ---------------------------------------------------------------------------------------------

export type SortableColumn = { key: SortKey; label: string; href: string; ariaSort: 'ascending' | 'descending' | undefined; numeric: boolean }

export function sortableColumns(params: URLSearchParams, query: Pick<ListQuery, 'sort' | 'dir'>, columns: { key: SortKey; label: string }[]): SortableColumn[] {
  return columns.map(({ key, label }) => {
    const next = new URLSearchParams(params)
    next.delete('page')
    next.set('sort', key)
    const active = query.sort === key
    next.set('dir', active ? (query.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[key])
    return {
      key,
      label,
      href: `?${next.toString()}`,
      ariaSort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined,
      numeric: key === 'amount',
    }
  })
}

export type Pagination = { page: number; pageCount: number; total: number; previousHref: string | null; nextHref: string | null }

function pagination(params: URLSearchParams, page: number, total: number): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const href = (target: number) => {
    const next = new URLSearchParams(params)
    if (target === 1) next.delete('page')
    else next.set('page', String(target))
    return `?${next.toString()}`
  }
  return {
    page,
    pageCount,
    total,
    previousHref: page > 1 ? href(Math.min(page - 1, pageCount)) : null,
    nextHref: page < pageCount ? href(page + 1) : null,
  }
}

/** The query string of the filters alone (no sort or page): for the CSV link, "clear sort", … */
export function filterQueryString(params: URLSearchParams, { keepSort = false } = {}): string {
  const next = new URLSearchParams()
  for (const [name, value] of params) {
    if (value === '') continue
    if ((FILTER_NAMES as readonly string[]).includes(name) || (keepSort && (name === 'sort' || name === 'dir'))) next.append(name, value)
  }
  const text = next.toString()
  return text ? `?${text}` : ''
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

const listSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  category: true,
  amountMinor: true,
  currency: true,
  amountChfMinor: true,
  exchangeRate: true,
  policyVersion: true,
  supplierName: true,
  supplierCountryCode: true,
  originCountryCode: true,
  splitPurchaseFlag: true,
  submittedAt: true,
  decidedAt: true,
  createdAt: true,
  rowVersion: true,
  requesterId: true,
  requester: { select: { name: true } },
  group: { select: { code: true, department: { select: { code: true } } } },
  awaitingPerson: { select: { name: true } },
  supplierCountry: { select: { name: true } },
} satisfies Prisma.JustificationSelect

type ListRow = Prisma.JustificationGetPayload<{ select: typeof listSelect }>

/** One justification as lists show it: plain JSON (no BigInt, no Date), ready for a loader. */
export type JustificationListItem = {
  id: string
  reference: string
  title: string
  status: JustificationStatus
  category: Category
  amountMinor: number
  currency: string
  /** Fixed at submission; null for a draft. */
  amountChfMinor: number | null
  exchangeRate: string | null
  policyVersion: number | null
  supplierName: string
  supplierCountryCode: string
  supplierCountryName: string
  originCountryCode: string | null
  splitPurchaseFlag: boolean
  /** Calendar days in the organisation's time zone. */
  submittedOn: string | null
  decidedOn: string | null
  createdAt: string
  createdOn: string
  rowVersion: number
  requesterId: string
  requesterName: string
  groupCode: string
  departmentCode: string
  awaitingPersonName: string | null
}

function toItem(row: ListRow): JustificationListItem {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    category: row.category,
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    amountChfMinor: row.amountChfMinor === null ? null : Number(row.amountChfMinor),
    exchangeRate: row.exchangeRate,
    policyVersion: row.policyVersion,
    supplierName: row.supplierName,
    supplierCountryCode: row.supplierCountryCode,
    supplierCountryName: row.supplierCountry.name,
    originCountryCode: row.originCountryCode,
    splitPurchaseFlag: row.splitPurchaseFlag,
    submittedOn: row.submittedAt ? calendarDateIn(row.submittedAt, ORGANISATION_TIME_ZONE) : null,
    decidedOn: row.decidedAt ? calendarDateIn(row.decidedAt, ORGANISATION_TIME_ZONE) : null,
    createdAt: row.createdAt.toISOString(),
    createdOn: calendarDateIn(row.createdAt, ORGANISATION_TIME_ZONE),
    rowVersion: row.rowVersion,
    requesterId: row.requesterId,
    requesterName: row.requester.name,
    groupCode: row.group.code,
    departmentCode: row.group.department.code,
    awaitingPersonName: row.awaitingPerson?.name ?? null,
  }
}

export type ListPage = { items: JustificationListItem[]; pagination: Pagination }

async function pageOf(db: DatabaseOrTransaction, where: Prisma.JustificationWhereInput, query: ListQuery, params: URLSearchParams): Promise<ListPage> {
  const total = await db.justification.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(query.page, pageCount)
  const rows = await db.justification.findMany({ where, select: listSelect, orderBy: orderBy(query.sort, query.dir), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE })
  return { items: rows.map(toItem), pagination: pagination(params, page, total) }
}

/** Whose list "My justifications" is: what I filed, and what my group filed or carries. */
function mineWhere(person: Viewer): Prisma.JustificationWhereInput {
  return {
    OR: [{ requesterId: person.id }, ...(person.groupId ? [{ groupId: person.groupId }, { requester: { groupId: person.groupId } }] : [])],
  }
}

export const MY_LIST_DEFAULT_SORT = { sort: 'created', dir: 'desc' } as const satisfies { sort: SortKey; dir: SortDirection }
export const PROCUREMENT_LIST_DEFAULT_SORT = { sort: 'submitted', dir: 'desc' } as const satisfies { sort: SortKey; dir: SortDirection }

/** "My justifications": my own and my group's, filtered by status and words, sorted, a page at a time. */
export async function listMyJustifications(db: DatabaseOrTransaction, person: Viewer, query: ListQuery, params = new URLSearchParams()): Promise<ListPage> {
  const where: Prisma.JustificationWhereInput = {
    AND: [visibleTo(person), mineWhere(person), filtersWhere({ ...noFilters, status: query.status, q: query.q })],
  }
  return pageOf(db, where, query, params)
}

/** Procurement's list: every justification the viewer may see (all, for procurement) with every filter. */
export async function listAllJustifications(db: DatabaseOrTransaction, person: Viewer, query: ListQuery, params = new URLSearchParams()): Promise<ListPage> {
  return pageOf(db, { AND: [visibleTo(person), filtersWhere(query)] }, query, params)
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

/** Justifications waiting for my signature, the longest-waiting first. */
export async function listAwaitingMySignature(db: DatabaseOrTransaction, person: Viewer): Promise<JustificationListItem[]> {
  const rows = await db.justification.findMany({
    where: { AND: [visibleTo(person), { status: 'AWAITING_SIGNATURE', awaitingPersonId: person.id }] },
    select: listSelect,
    orderBy: [{ submittedAt: 'asc' }, { reference: 'asc' }],
    take: 500,
  })
  return rows.map(toItem)
}

const DECISION_EVENTS = { STEP_SIGNED: 'Signed', JUSTIFICATION_REJECTED: 'Rejected', CHANGES_REQUESTED: 'Changes requested' } as const
export type MyDecisionKind = keyof typeof DECISION_EVENTS

export type MyDecision = { item: JustificationListItem; decision: MyDecisionKind; decisionLabel: string; decidedAt: string; comment: string | null }

/** My latest decisions (signatures, rejections, requests for changes), newest first. */
export async function listDecidedByMe(db: DatabaseOrTransaction, person: Viewer, { limit = 20 } = {}): Promise<MyDecision[]> {
  const events = await db.auditEvent.findMany({
    where: { actorId: person.id, type: { in: Object.keys(DECISION_EVENTS) }, subject: { startsWith: 'justification:' } },
    orderBy: { id: 'desc' },
    take: limit,
    select: { type: true, subject: true, payload: true, createdAt: true },
  })
  const ids = [...new Set(events.map((event) => event.subject.slice('justification:'.length)).filter((id) => UUID.test(id)))]
  if (ids.length === 0) return []
  const rows = await db.justification.findMany({ where: { AND: [visibleTo(person), { id: { in: ids } }] }, select: listSelect })
  const byId = new Map(rows.map((row) => [row.id, toItem(row)]))
  return events.flatMap((event) => {
    const item = byId.get(event.subject.slice('justification:'.length))
    if (!item) return []
    const decision = event.type as MyDecisionKind
    const payload = (event.payload ?? {}) as { comment?: unknown; reason?: unknown }
    const comment = typeof payload.reason === 'string' ? payload.reason : typeof payload.comment === 'string' ? payload.comment : null
    return [{ item, decision, decisionLabel: DECISION_EVENTS[decision], decidedAt: event.createdAt.toISOString(), comment }]
  })
}

/** The choices of procurement's filters. */
export async function procurementFilterOptions(db: DatabaseOrTransaction) {
  const [departments, groups, countries] = await Promise.all([
    db.department.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.group.findMany({ orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.country.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true } }),
  ])
  return { departments, groups, countries }
}

// ---------------------------------------------------------------------------------------------
// CSV export
// ---------------------------------------------------------------------------------------------

export const CSV_HEADER = [
  'Reference',
  'Title',
  'Status',
  'Requester',
  'Group',
  'Department',
  'Supplier',
  'Supplier country',
  'Origin country',
  'Category',
  'Amount',
  'Currency',
  'Amount CHF',
  'Exchange rate',
  'Policy version',
  'Submitted on',
  'Decided on',
  'Waiting on',
  'Split purchase',
] as const

/** Minor units as a plain decimal a spreadsheet reads as a number: 1234567 -> "12345.67". */
export function decimalOf(minor: number): string {
  const digits = String(minor).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

export function csvRowOf(item: JustificationListItem): (string | number | null)[] {
  return [
    item.reference,
    item.title,
    statusLabels[item.status],
    item.requesterName,
    item.groupCode,
    item.departmentCode,
    item.supplierName,
    item.supplierCountryCode,
    item.originCountryCode,
    categoryLabels[item.category],
    decimalOf(item.amountMinor),
    item.currency,
    item.amountChfMinor === null ? null : decimalOf(item.amountChfMinor),
    item.exchangeRate,
    item.policyVersion,
    item.submittedOn,
    item.decidedOn,
    item.awaitingPersonName,
    item.splitPurchaseFlag ? 'yes' : 'no',
  ]
}

const CSV_BATCH = 500

/** The same list as procurement's page (same filters, same order), every page of it, as CSV text. */
export async function justificationsCsv(db: DatabaseOrTransaction, person: Viewer, query: ListQuery): Promise<string> {
  const where: Prisma.JustificationWhereInput = { AND: [visibleTo(person), filtersWhere(query)] }
  const rows: (string | number | null)[][] = []
  for (let skip = 0; ; skip += CSV_BATCH) {
    const batch = await db.justification.findMany({ where, select: listSelect, orderBy: orderBy(query.sort, query.dir), skip, take: CSV_BATCH })
    rows.push(...batch.map((row) => csvRowOf(toItem(row))))
    if (batch.length < CSV_BATCH) break
  }
  return toCsv(CSV_HEADER, rows)
}

// ---------------------------------------------------------------------------------------------
// Signature policy versions and exchange rates (the policy page)
// ---------------------------------------------------------------------------------------------

export type PolicyVersionItem = {
  version: number
  effectiveFrom: string
  tiers: PolicyTier[]
  splitPurchaseWindowDays: number
  state: 'in-force' | 'scheduled' | 'past'
  publishedBy: string | null
  publishedAt: string
}

export type ExchangeRateItem = { id: string; currency: string; validFrom: string; chfPerUnit: string; inUseToday: boolean; setBy: string | null }

/** Every policy version (newest first) saying which is in force today, and procurement's rate table. */
export async function loadPolicyOverview(db: DatabaseOrTransaction, now: Date) {
  const today = calendarDateIn(now, ORGANISATION_TIME_ZONE)
  const [policies, rows, rates] = await Promise.all([
    loadPolicies(db),
    db.signaturePolicy.findMany({ select: { version: true, publishedById: true, createdAt: true } }),
    db.exchangeRate.findMany({ orderBy: [{ currency: 'asc' }, { validFrom: 'desc' }] }),
  ])
  const peopleIds = [...new Set([...rows.map((r) => r.publishedById), ...rates.map((r) => r.createdById)].filter((id): id is string => id !== null))]
  const people = new Map((await db.person.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]))
  const inForce = policyInForce(policies, today)
  const meta = new Map(rows.map((row) => [row.version, row]))
  const versions: PolicyVersionItem[] = policies
    .map((policy) => ({
      version: policy.version,
      effectiveFrom: policy.effectiveFrom,
      tiers: policy.tiers,
      splitPurchaseWindowDays: policy.splitPurchaseWindowDays,
      state: policy.version === inForce?.version ? ('in-force' as const) : policy.effectiveFrom > today ? ('scheduled' as const) : ('past' as const),
      publishedBy: people.get(meta.get(policy.version)?.publishedById ?? '') ?? null,
      publishedAt: (meta.get(policy.version)?.createdAt ?? now).toISOString(),
    }))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : b.version - a.version))
  const seen = new Set<string>()
  const rateItems: ExchangeRateItem[] = rates.map((rate) => {
    const validFrom = rate.validFrom.toISOString().slice(0, 10)
    // Rates come newest first per currency: the first one already valid today is the one in use.
    const inUseToday = validFrom <= today && !seen.has(rate.currency)
    if (inUseToday) seen.add(rate.currency)
    return { id: rate.id, currency: rate.currency, validFrom, chfPerUnit: rate.chfPerUnit, inUseToday, setBy: rate.createdById ? (people.get(rate.createdById) ?? null) : null }
  })
  return { today, versions, inForce: versions.find((v) => v.state === 'in-force') ?? null, rates: rateItems }
}
