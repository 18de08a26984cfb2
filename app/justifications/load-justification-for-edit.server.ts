import type { DatabaseOrTransaction } from '~/db/client.server'
import { UUID } from '~/http/uuid'
import { formatAmount } from '~/money/amount'
import { minorFromColumn } from '~/money/minor-units'

const editColumns = {
  id: true,
  reference: true,
  status: true,
  rowVersion: true,
  title: true,
  description: true,
  supplierName: true,
  supplierCountryCode: true,
  originCountryCode: true,
  category: true,
  amountMinor: true,
  currency: true,
  groupId: true,
  reason: true,
  reasonText: true,
  marketSurveyReference: true,
  activityCode: true,
  alternativeSuppliersReason: true,
} as const

async function findOwnJustification(db: DatabaseOrTransaction, requesterId: string, id: string | undefined) {
  return id && UUID.test(id) ? db.justification.findFirst({ where: { id, requesterId }, select: editColumns }) : null
}

export type EditableJustification = NonNullable<Awaited<ReturnType<typeof findOwnJustification>>>

/**
 * The requester's own justification, if it may still be edited: a draft, or one sent back for
 * changes. Anyone else's, or a mistyped id, is NOT_FOUND, so the page does not say whether it exists.
 */
export async function loadJustificationForEdit(
  db: DatabaseOrTransaction,
  requesterId: string,
  id: string | undefined,
): Promise<{ outcome: 'NOT_FOUND' } | { outcome: 'NOT_EDITABLE'; status: string } | { outcome: 'EDITABLE'; justification: EditableJustification }> {
  const justification = await findOwnJustification(db, requesterId, id)
  if (!justification) return { outcome: 'NOT_FOUND' }
  if (justification.status !== 'DRAFT' && justification.status !== 'CHANGES_REQUESTED') return { outcome: 'NOT_EDITABLE', status: justification.status }
  return { outcome: 'EDITABLE', justification }
}

/** The form's starting values: the stored fields as the form types them (amount with a plain apostrophe). */
export function editFormDefaults(j: EditableJustification) {
  return {
    title: j.title,
    description: j.description,
    supplierName: j.supplierName,
    supplierCountryCode: j.supplierCountryCode,
    originCountryCode: j.originCountryCode ?? '',
    category: j.category,
    amount: formatAmount(minorFromColumn(j.amountMinor)).replace(/’/g, "'"),
    currency: j.currency,
    groupId: j.groupId,
    reason: j.reason,
    reasonText: j.reasonText,
    marketSurveyReference: j.marketSurveyReference ?? '',
    activityCode: j.activityCode ?? '',
    alternativeSuppliersReason: j.alternativeSuppliersReason ?? '',
  }
}
