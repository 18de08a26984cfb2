import { endOfDay, startOfDay } from '~/calendar/day-boundaries'
import type { Prisma } from '~/generated/prisma/client'
import { minorToColumn } from '~/money/minor-units'
import type { ListFilters, ListQuery, SortDirection, SortKey } from './list-query'
import { visibleTo, type Viewer } from './visibility.server'

// A parsed list query as Prisma's where and orderBy: the lists' pages, the CSV export and the ZIP of
// records read the same rows in the same order.

export type ListRows = { where: Prisma.JustificationWhereInput; orderBy: Prisma.JustificationOrderByWithRelationInput[] }

/** Procurement's list (its page, its CSV, its ZIP): every justification the viewer may see, every filter, the list's order. */
export function procurementListRows(person: Viewer, query: ListQuery): ListRows {
  return { where: { AND: [visibleTo(person), filtersWhere(query)] }, orderBy: orderBy(query.sort, query.dir) }
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
  if (filters.minChfMinor !== null) and.push({ amountChfMinor: { gte: minorToColumn(filters.minChfMinor) } })
  if (filters.maxChfMinor !== null) and.push({ amountChfMinor: { lte: minorToColumn(filters.maxChfMinor) } })
  if (filters.submittedFrom) and.push({ submittedAt: { gte: startOfDay(filters.submittedFrom) } })
  if (filters.submittedTo) and.push({ submittedAt: { lt: endOfDay(filters.submittedTo) } })
  return and.length ? { AND: and } : {}
}

export function orderBy(sort: SortKey, dir: SortDirection): Prisma.JustificationOrderByWithRelationInput[] {
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
