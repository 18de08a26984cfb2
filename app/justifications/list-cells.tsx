import type { ReactNode } from 'react'
import type { JustificationListItem } from './list-item.server'
import { statusBadge, statusLabels, type JustificationStatus } from './labels'

// The cells every justification table shows the same way: the lists, the approvals page.

export function StatusBadge({ status }: { status: JustificationStatus }) {
  return <span className={`badge ${statusBadge[status]}`}>{statusLabels[status]}</span>
}

export function JustificationLink({ item }: { item: Pick<JustificationListItem, 'id' | 'reference'> }) {
  return <a href={`/justifications/${item.id}`}>{item.reference}</a>
}

/** A cell's main text with a quieter second line (who filed it, the supplier's country). */
export function WithHint({ children, hint }: { children: ReactNode; hint: ReactNode }) {
  return (
    <>
      {children}
      <br />
      <span className="hint">{hint}</span>
    </>
  )
}

export function SupplierCell({ item }: { item: Pick<JustificationListItem, 'supplierName' | 'supplierCountryName'> }) {
  return <WithHint hint={item.supplierCountryName}>{item.supplierName}</WithHint>
}

/** Submitted above its policy's quote threshold with no supplier's quote attached. */
export function QuoteMissingBadge() {
  return (
    <span className="badge warn" title="Above the policy’s quote threshold, and no supplier’s quote is attached">
      No quote
    </span>
  )
}
