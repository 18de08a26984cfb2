import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { formatChf, formatMoney } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { listContracts } from '~/industrial-return/ledger/contracts.server'
import { CATEGORY_LABELS } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Contracts · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const url = new URL(request.url)
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1))
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  return {
    ...(await listContracts(getDatabase(), { q, page })),
    q,
    page,
    recorded: url.searchParams.get('recorded') === '1',
  }
}

const SOURCE_LABEL = {
  AWARD: 'award',
  IMPORT: 'import',
  DEMO: 'demo',
} as const

export default function ContractsPage() {
  const { contracts, hasMore, q, page, recorded } = useLoaderData<typeof loader>()
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`
  return (
    <>
      <PageHeader title="Contracts" />
      <ReturnNav />
      {recorded ? (
        <Notice tone="success" role="status">
          The contract is recorded; the dashboard and alerts are up to date.
        </Notice>
      ) : null}
      <Form method="get" className="row return-inline" role="search">
        <div className="field">
          <label htmlFor="q">Order number or supplier starts with</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div>
          <button type="submit">Search</button>
        </div>
      </Form>
      <section className="card" aria-labelledby="contracts-heading">
        <h2 id="contracts-heading">Ledger, latest award first</h2>
        {contracts.length === 0 ? (
          <p className="empty">{q ? `No contract matches “${q}”.` : 'No contract yet. Record an award or import a file.'}</p>
        ) : (
          <SortableTable
            layout="scroll"
            caption="Contracts in the ledger, latest award first"
            rows={contracts}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Order', rowHeader: true, cell: (c) => c.orderNumber },
              { header: 'Awarded', cell: (c) => c.awardedOn },
              { header: 'Supplier', cell: (c) => c.supplierName },
              { header: 'Category', cell: (c) => CATEGORY_LABELS[c.category] },
              {
                header: 'Counts for',
                cell: (c) => (
                  <>
                    {c.returnCountryCode}
                    <span className="hint">
                      {' '}
                      (origin {c.originCountryCode ?? '—'}, established {c.establishmentCountryCode})
                    </span>
                  </>
                ),
              },
              {
                header: 'Amount',
                numeric: true,
                cell: (c) => (isCurrency(c.currency) ? formatMoney(c.amountMinor, c.currency) : c.amountMinor),
              },
              {
                header: 'CHF',
                numeric: true,
                cell: (c) => (
                  <>
                    {formatChf(c.amountChfMinor)}
                    {c.currency !== 'CHF' ? <span className="hint"> at {c.exchangeRate}</span> : null}
                  </>
                ),
              },
              { header: 'Unit', cell: (c) => c.unit },
              {
                header: 'Source',
                cell: (c) => (
                  <>
                    {c.source === 'DEMO' ? <span className="badge warn">demo</span> : SOURCE_LABEL[c.source]}
                    {c.justificationReference ? <span className="hint"> {c.justificationReference}</span> : null}
                  </>
                ),
              },
            ]}
          />
        )}
        <nav aria-label="Pages" className="row">
          {page > 1 ? <Link to={link(page - 1)}>← Newer</Link> : <span />}
          {hasMore ? <Link to={link(page + 1)}>Older →</Link> : <span />}
        </nav>
      </section>
    </>
  )
}
