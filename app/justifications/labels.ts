// One wording for each idea, used by pages, emails and CSV exports alike.

export const SINGLE_SOURCE_REASONS = ['EXCLUSIVE_RIGHTS', 'COMPATIBILITY', 'ONLY_QUALIFIED_SUPPLIER', 'URGENCY', 'FOLLOW_ON', 'OTHER'] as const
export type SingleSourceReason = (typeof SINGLE_SOURCE_REASONS)[number]

export const reasonLabels: Record<SingleSourceReason, string> = {
  EXCLUSIVE_RIGHTS: 'Exclusive rights or patent',
  COMPATIBILITY: 'Compatibility or standardisation with installed equipment',
  ONLY_QUALIFIED_SUPPLIER: 'Only qualified supplier after a market survey',
  URGENCY: 'Urgency not caused by the requester',
  FOLLOW_ON: 'Follow-on to an existing contract',
  OTHER: 'Other',
}

export const CATEGORIES = ['SUPPLIES', 'SERVICES'] as const
export type Category = (typeof CATEGORIES)[number]
export const categoryLabels: Record<Category, string> = { SUPPLIES: 'Supplies', SERVICES: 'Services' }

export const JUSTIFICATION_STATUSES = ['DRAFT', 'AWAITING_SIGNATURE', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const
export type JustificationStatus = (typeof JUSTIFICATION_STATUSES)[number]
export const statusLabels: Record<JustificationStatus, string> = {
  DRAFT: 'Draft',
  AWAITING_SIGNATURE: 'Awaiting signature',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
}
export const statusBadge: Record<JustificationStatus, string> = {
  DRAFT: '',
  AWAITING_SIGNATURE: 'warn',
  CHANGES_REQUESTED: 'warn',
  APPROVED: 'ok',
  REJECTED: 'danger',
  WITHDRAWN: '',
}

/** Below this many characters a written justification rarely explains why there is no competition. */
export const MIN_JUSTIFICATION_LENGTH = 80
