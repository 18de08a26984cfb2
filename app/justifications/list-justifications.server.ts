import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Prisma } from '~/generated/prisma/client'
import { filtersWhere, orderBy, procurementListRows, type ListRows } from './list-filters.server'
import { listSelect, toItem, type JustificationListItem } from './list-item.server'
import { pagination, type Pagination } from './list-links'
import { UUID } from '~/http/uuid'
import { noFilters, PAGE_SIZE, type ListQuery } from './list-query'
import { visibleTo, type Viewer } from './visibility.server'

// The lists of justifications: mine (and my group's), awaiting my signature, signed by me, and
// procurement's every-justification list. Every query goes through visibleTo.

export type ListPage = { items: JustificationListItem[]; pagination: Pagination }

async function pageOf(db: DatabaseOrTransaction, { where, orderBy }: ListRows, query: ListQuery, params: URLSearchParams): Promise<ListPage> {
  const total = await db.justification.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(query.page, pageCount)
  const rows = await db.justification.findMany({ where, select: listSelect, orderBy, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE })
  return { items: rows.map(toItem), pagination: pagination(params, page, total) }
}

/** Whose list "My justifications" is: what I filed, and what my group filed or carries. */
function mineWhere(person: Viewer): Prisma.JustificationWhereInput {
  return {
    OR: [{ requesterId: person.id }, ...(person.groupId ? [{ groupId: person.groupId }, { requester: { groupId: person.groupId } }] : [])],
  }
}

/** "My justifications": my own and my group's, filtered by status and words, sorted, a page at a time. */
export async function listMyJustifications(db: DatabaseOrTransaction, person: Viewer, query: ListQuery, params = new URLSearchParams()): Promise<ListPage> {
  const where: Prisma.JustificationWhereInput = {
    AND: [visibleTo(person), mineWhere(person), filtersWhere({ ...noFilters, status: query.status, q: query.q })],
  }
  return pageOf(db, { where, orderBy: orderBy(query.sort, query.dir) }, query, params)
}

/** Procurement's list: every justification the viewer may see (all, for procurement) with every filter. */
export async function listAllJustifications(db: DatabaseOrTransaction, person: Viewer, query: ListQuery, params = new URLSearchParams()): Promise<ListPage> {
  return pageOf(db, procurementListRows(person, query), query, params)
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
