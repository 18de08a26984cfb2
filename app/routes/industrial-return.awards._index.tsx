import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { formatMoney } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { listAwardableJustifications } from '~/industrial-return/ledger/list-awardable-justifications.server'
import { CATEGORY_LABELS } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Record awards · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { justifications: await listAwardableJustifications(getDatabase()) }
}

export default function AwardsPage() {
  const { justifications } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Record awards" />
      <ReturnNav />
      <section className="card" aria-labelledby="awardable-heading">
        <h2 id="awardable-heading">Approved justifications without a contract ({justifications.length})</h2>
        {justifications.length === 0 ? (
          <p className="empty">Every approved justification has its contract recorded.</p>
        ) : (
          <SortableTable
            rows={justifications}
            rowKey={(j) => j.id}
            columns={[
              { header: 'Reference', rowHeader: true, cell: (j) => j.reference },
              {
                header: 'Title',
                cell: (j) => (
                  <>
                    {j.title} <span className="hint">({j.group})</span>
                  </>
                ),
              },
              {
                header: 'Supplier',
                cell: (j) => (
                  <>
                    {j.supplierName} ({j.supplierCountryCode}
                    {j.originCountryCode && j.originCountryCode !== j.supplierCountryCode ? `, goods from ${j.originCountryCode}` : ''})
                  </>
                ),
              },
              { header: 'Category', cell: (j) => CATEGORY_LABELS[j.category] },
              { header: 'Amount', numeric: true, cell: (j) => (isCurrency(j.currency) ? formatMoney(j.amountMinor, j.currency) : `${j.currency} ${j.amountMinor / 100}`) },
              { header: 'Approved', cell: (j) => (j.decidedAt ? <DateTime at={j.decidedAt} /> : '—') },
              {
                header: 'Action',
                cell: (j) => (
                  // The accessible name starts with the visible words (WCAG 2.5.3: a voice user says what
                  // they see) and names the justification for a screen reader's list of links.
                  <Link to={`/industrial-return/awards/${j.id}`}>
                    Record the contract<span className="visually-hidden"> of {j.reference}</span>
                  </Link>
                ),
              },
            ]}
          />
        )}
      </section>
    </>
  )
}
