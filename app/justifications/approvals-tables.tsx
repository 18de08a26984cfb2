import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { useFormats } from '~/i18n/use-formats'
import type { Currency } from '~/money/currency'
import { SortableTable, type TableColumn } from '~/ui/sortable-table'
import { stepNameText } from '~/workflow/signatory-role-labels'
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
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  const columns: TableColumn<AwaitingDecisionItem>[] = [
    {
      header: t('approvals.justification'),
      cell: (item) => (
        <>
          {item.askedAs ? <strong className="asked-as">{t('approvals.signAs', { role: stepNameText(t, { label: item.askedAs, role: item.askedAsRole }) })}</strong> : null}
          <span className="asked-what">
            <JustificationLink item={item} /> {item.title}
          </span>
          {item.splitPurchaseFlag ? <span className="badge warn">{t('page.possibleSplit')}</span> : null}
        </>
      ),
    },
    {
      header: t('approvals.amount'),
      numeric: true,
      cell: (item) => (
        <>
          <CardLabel>{t('approvals.amount')}</CardLabel>
          <ChfFirstAmount
            amount={formats.money(item.amountMinor, item.currency as Currency)}
            amountChf={item.currency !== 'CHF' && item.amountChfMinor !== null ? formats.chf(item.amountChfMinor) : null}
          />
        </>
      ),
    },
    {
      header: t('approvals.supplier'),
      cell: (item) => (
        <>
          <CardLabel>{t('approvals.supplier')}</CardLabel>
          {item.supplierName}, <span className="hint">{countryName(item.supplierCountryCode, item.supplierCountryName, formats.language)}</span>
        </>
      ),
    },
    {
      header: t('approvals.requester'),
      cell: (item) => (
        <>
          <CardLabel>{t('approvals.requester')}</CardLabel>
          {item.requesterName}, <span className="hint">{item.groupCode}</span>
        </>
      ),
    },
    {
      header: t('approvals.reason'),
      cell: (item) => (
        <>
          <CardLabel>{t('approvals.reason')}</CardLabel>
          {t(`reason.${item.reasonCode}`)}
        </>
      ),
    },
    {
      header: t('approvals.submitted'),
      sorted: 'ascending',
      cell: (item) => (
        <>
          <CardLabel>{t('approvals.submitted')}</CardLabel>
          {item.submittedOn ? formats.date(item.submittedOn) : '—'}
        </>
      ),
    },
    { header: t('approvals.yourDecision'), cell: (item) => <ApprovalDecisionForm item={item} actionResult={actionResult} /> },
  ]
  return (
    <SortableTable
      className="approvals-cards"
      caption={t('approvals.awaitingCaption', { count: items.length })}
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
    />
  )
}

export function DecidedByMeTable({ decisions }: { decisions: MyDecision[] }) {
  const { t } = useTranslation('justifications')
  const formats = useFormats()
  const decidedColumns: TableColumn<MyDecision>[] = [
  {
    header: t('approvals.when'),
    sorted: 'descending',
    cell: ({ decidedAt }) => (
      <>
        <CardLabel>{t('approvals.when')}</CardLabel>
        {formats.dateTime(decidedAt)}
      </>
    ),
  },
  {
    header: t('approvals.justification'),
    cell: ({ item }) => (
      <>
        <JustificationLink item={item} /> {item.title}
      </>
    ),
  },
  {
    header: t('approvals.myDecision'),
    cell: ({ decision, comment }) => (
      <>
        <CardLabel>{t('approvals.myDecision')}</CardLabel>
        {t(`approvals.decision.${decision}`)}
        {comment ? <span className="hint"> · “{comment}”</span> : null}
      </>
    ),
  },
  {
    header: t('approvals.amountChf'),
    numeric: true,
    cell: ({ item }) => (
      <>
        <CardLabel>{t('approvals.amountChf')}</CardLabel>
        {item.amountChfMinor !== null ? formats.chf(item.amountChfMinor) : '—'}
      </>
    ),
  },
  {
    header: t('approvals.now'),
    cell: ({ item }) => (
      <>
        <CardLabel>{t('approvals.now')}</CardLabel>
        <StatusBadge status={item.status} />
        {item.awaitingPersonName ? <span className="hint">{t('approvals.waitingOn', { name: item.awaitingPersonName })}</span> : null}
      </>
    ),
  },
]
  return <SortableTable className="approvals-cards" caption={t('approvals.decidedCaption')} columns={decidedColumns} rows={decisions} rowKey={({ item, decidedAt }) => `${item.id}-${decidedAt}`} />
}
