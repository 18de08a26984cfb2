import { formatDate, formatDateTime } from '~/calendar/format-date'
import { formatChf, formatMoney } from '~/money/amount'
import type { Currency } from '~/money/currency'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { ApprovalDecisionForm, type ApprovalActionResult } from './approval-decision-form'
import { ChfFirstAmount } from './justification-facts'
import type { AwaitingDecisionItem } from './list-awaiting-my-decision.server'
import { JustificationLink, StatusBadge } from './list-cells'
import type { MyDecision } from './list-justifications.server'

// The approvals page's two tables: what awaits my signature (oldest first, a decision form a row), and my latest decisions.
// On a small screen each row stands as a card (styles.css, "sign-off and approvals"): the cells
// stack in column order, each after a small label that repeats its column's header for the eye.

/** A cell's label in the stacked layout; screen readers have the column header already. */
function CardLabel({ children }: { children: string }) {
  return (
    <span className="card-label" aria-hidden="true">
      {children}
    </span>
  )
}

/** In a signatory's order: what is asked and of which justification, amount, supplier, requester, reason, then the decision. */
export function AwaitingMySignatureTable({ items, actionResult }: { items: AwaitingDecisionItem[]; actionResult: ApprovalActionResult | undefined }) {
  const columns: TableColumn<AwaitingDecisionItem>[] = [
    {
      header: 'Justification',
      cell: (item) => (
        <>
          {item.askedAs ? <strong className="asked-as">Sign as {item.askedAs.toLowerCase()}</strong> : null}
          <span className="asked-what">
            <JustificationLink item={item} /> {item.title}
          </span>
          {item.splitPurchaseFlag ? <span className="badge warn">Possible split purchase</span> : null}
        </>
      ),
    },
    {
      header: 'Amount',
      numeric: true,
      cell: (item) => (
        <>
          <CardLabel>Amount</CardLabel>
          <ChfFirstAmount
            amount={formatMoney(item.amountMinor, item.currency as Currency)}
            amountChf={item.currency !== 'CHF' && item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : null}
          />
        </>
      ),
    },
    {
      header: 'Supplier',
      cell: (item) => (
        <>
          <CardLabel>Supplier</CardLabel>
          {item.supplierName}, <span className="hint">{item.supplierCountryName}</span>
        </>
      ),
    },
    {
      header: 'Requester',
      cell: (item) => (
        <>
          <CardLabel>Requester</CardLabel>
          {item.requesterName}, <span className="hint">{item.groupCode}</span>
        </>
      ),
    },
    {
      header: 'Reason',
      cell: (item) => (
        <>
          <CardLabel>Reason</CardLabel>
          {item.reason}
        </>
      ),
    },
    {
      header: 'Submitted',
      sorted: 'ascending',
      cell: (item) => (
        <>
          <CardLabel>Submitted</CardLabel>
          {item.submittedOn ? formatDate(item.submittedOn) : '—'}
        </>
      ),
    },
    { header: 'Your decision', cell: (item) => <ApprovalDecisionForm item={item} actionResult={actionResult} /> },
  ]
  return (
    <SortableTable
      className="approvals-cards"
      caption={`Justifications awaiting my signature, the longest-waiting first: ${items.length}`}
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
    />
  )
}

const decidedColumns: TableColumn<MyDecision>[] = [
  {
    header: 'When',
    sorted: 'descending',
    cell: ({ decidedAt }) => (
      <>
        <CardLabel>When</CardLabel>
        {formatDateTime(decidedAt)}
      </>
    ),
  },
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
        <CardLabel>My decision</CardLabel>
        {decisionLabel}
        {comment ? <span className="hint"> · “{comment}”</span> : null}
      </>
    ),
  },
  {
    header: 'Amount in CHF',
    numeric: true,
    cell: ({ item }) => (
      <>
        <CardLabel>Amount in CHF</CardLabel>
        {item.amountChfMinor !== null ? formatChf(item.amountChfMinor) : '—'}
      </>
    ),
  },
  {
    header: 'Now',
    cell: ({ item }) => (
      <>
        <CardLabel>Now</CardLabel>
        <StatusBadge status={item.status} />
        {item.awaitingPersonName ? <span className="hint"> · waiting on {item.awaitingPersonName}</span> : null}
      </>
    ),
  },
]

export function DecidedByMeTable({ decisions }: { decisions: MyDecision[] }) {
  return <SortableTable className="approvals-cards" caption="My latest decisions, newest first" columns={decidedColumns} rows={decisions} rowKey={({ item, decidedAt }) => `${item.id}-${decidedAt}`} />
}
