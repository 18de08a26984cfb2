import { calendarDateIn } from '~/calendar/calendar-date'
import type { Prisma } from '~/generated/prisma/client'
import { minorFromColumn, minorFromNullableColumn } from '~/money/minor-units'
import type { Category, JustificationStatus } from './labels'

// One justification as every list shows it, and the columns read for it.

export const listSelect = {
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

export function toItem(row: ListRow): JustificationListItem {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    category: row.category,
    amountMinor: minorFromColumn(row.amountMinor),
    currency: row.currency,
    amountChfMinor: minorFromNullableColumn(row.amountChfMinor),
    exchangeRate: row.exchangeRate,
    policyVersion: row.policyVersion,
    supplierName: row.supplierName,
    supplierCountryCode: row.supplierCountryCode,
    supplierCountryName: row.supplierCountry.name,
    originCountryCode: row.originCountryCode,
    splitPurchaseFlag: row.splitPurchaseFlag,
    submittedOn: row.submittedAt ? calendarDateIn(row.submittedAt) : null,
    decidedOn: row.decidedAt ? calendarDateIn(row.decidedAt) : null,
    createdAt: row.createdAt.toISOString(),
    createdOn: calendarDateIn(row.createdAt),
    rowVersion: row.rowVersion,
    requesterId: row.requesterId,
    requesterName: row.requester.name,
    groupCode: row.group.code,
    departmentCode: row.group.department.code,
    awaitingPersonName: row.awaitingPerson?.name ?? null,
  }
}
