import type { SortKey } from './list-query'

// The sortable columns of the two justification lists, worded once: the loaders turn them into
// sort links (list-links.ts `sortableColumns`), the tables find their headers by key.

const COLUMN_LABELS: Record<SortKey, string> = {
  status: 'Status',
  reference: 'Reference',
  title: 'Title',
  supplier: 'Supplier',
  amount: 'Amount',
  submitted: 'Submitted',
  created: 'Filed',
}

const labelled = (keys: SortKey[], labels: Partial<Record<SortKey, string>> = {}) => keys.map((key) => ({ key, label: labels[key] ?? COLUMN_LABELS[key] }))

/** A requester's list: amounts in their own currency, ordered by when they were filed. */
export const MY_LIST_SORTABLE_COLUMNS = labelled(['status', 'reference', 'title', 'amount', 'supplier', 'created'])

/** Procurement's list: amounts compared in CHF, ordered by when they were submitted. */
export const ALL_LIST_SORTABLE_COLUMNS = labelled(['status', 'reference', 'title', 'supplier', 'amount', 'submitted'], { amount: 'Amount in CHF' })
