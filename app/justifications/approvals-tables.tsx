import { formatDate, formatDateTime } from '~/calendar/format-date'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { ApprovalDecisionForm, type ApprovalActionResult } from './approval-decision-form'
import { JustificationLink, StatusBadge, SupplierCell, WithHint } from './list-cells'
import type { JustificationListItem } from './list-item.server'
import type { MyDecision } from './list-justifications.server'

// The approvals page's two tables: what awaits my signature (oldest first, a decision form a row), and my latest decisions.

export function AwaitingMySignatureTable({ items, actionResult }: { items: JustificationListItem[]; actionResult: ApprovalActionResult | undefined }) {
  const columns: TableColumn<JustificationListItem>[] = [
    { header: 'Submitted', sorted: 'ascending', cell: (item) => (item.submittedOn ? formatDate(item.submittedOn) : '—') },
    {
      header: 'Justification',
      cell: (item) => (
        <>
          <JustificationLink item={item} />
          <br />
          {item.title}
          {item.splitPurchaseFlag ? (
            <>
              <br />
              <span className="badge warn">Possible split purchase</span>
            </>
          ) : null}
        </>
      ),
    },
    { header: 'Requester', cell: (item) => <WithHint hint={item.groupCode}>{item.requesterName}</WithHint> },
    {
      header: 'Amount',
      numeric: true,
      cell: (item) => (
        <>
          {formatMoney(item.amountMinor, item.currency as Currency)}
          {item.currency !== 'CHF' && item.amountChfMinor !== null ? (
            <>
              <br />
              <span className="hint">{formatChf(item.amountChfMinor)}</span>
            </>
          ) : null}
        </>
      ),
    },
    { header: 'Supplier', cell: (item) => <SupplierCell item={item} /> },
    { header: 'Your decision', cell: (item) => <ApprovalDecisionForm item={item} actionResult={actionResult} /> },
  ]
  return <SortableTable caption={`Justifications awaiting my signature, the longest-waiting first: ${items.length}`} columns={columns} rows={items} rowKey={(item) => item.id} />
}

const decidedColumns: TableColumn<MyDecision>[] = [
  { header: 'When', sorted: 'descending', cell: ({ decidedAt }) => formatDateTime(decidedAt) },
  {
    header: 'Justification',
    cell: ({ item }) => (
      <>
        <JustificationLink item={item} /> {item.title}
      </>
    ),
  },
  {
    header: 'My decision',
    cell: ({ decisionLabel, comment }) => (
      <>
        {decisionLabel}
        {comment ? <span className="hint"> · “{comment}”</span> : null}
      </>
    ),
  },
  { header: 'Amount in CHF', numeric: true, cell: ({ item }) => (item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : '—') },
  {
    header: 'Now',
    cell: ({ item }) => (
      <>
        <StatusBadge status={item.status} />
        {item.awaitingPersonName ? <span className="hint"> · waiting on {item.awaitingPersonName}</span> : null}
      </>
    ),
  },
]

export function DecidedByMeTable({ decisions }: { decisions: MyDecision[] }) {
  return <SortableTable caption="My latest decisions, newest first" columns={decidedColumns} rows={decisions} rowKey={({ item, decidedAt }) => `${item.id}-${decidedAt}`} />
}
