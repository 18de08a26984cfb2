import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { formatChf, formatMoney } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { listContracts } from '~/industrial-return/ledger/contracts.server'
import { CATEGORY_LABELS } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'

export const meta: MetaFunction = () => [{ title: 'Contracts · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const url = new URL(request.url)
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('page')) || 1))
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  return { ...(await listContracts(getDatabase(), { q, page })), q, page, recorded: url.searchParams.get('recorded') === '1' }
}

const SOURCE_LABEL = { AWARD: 'award', IMPORT: 'import', DEMO: 'demo' } as const

export default function ContractsPage() {
  const { contracts, hasMore, q, page, recorded } = useLoaderData<typeof loader>()
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`
  return (
    <>
      <h1>Contracts</h1>
      <ReturnNav />
      {recorded ? (
        <p className="notice ok" role="status">
          The contract is recorded; the dashboard and alerts are up to date.
        </p>
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
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Awarded</th>
                  <th scope="col">Supplier</th>
                  <th scope="col">Category</th>
                  <th scope="col">Counts for</th>
                  <th scope="col" className="number">Amount</th>
                  <th scope="col" className="number">CHF</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.orderNumber}</th>
                    <td>{c.awardedOn}</td>
                    <td>{c.supplierName}</td>
                    <td>{CATEGORY_LABELS[c.category]}</td>
                    <td>
                      {c.returnCountryCode}
                      <span className="hint">
                        {' '}
                        (origin {c.originCountryCode ?? '—'}, established {c.establishmentCountryCode})
                      </span>
                    </td>
                    <td className="number">{isCurrency(c.currency) ? formatMoney(c.amountMinor, c.currency) : c.amountMinor}</td>
                    <td className="number">
                      {formatChf(c.amountChfMinor)}
                      {c.currency !== 'CHF' ? <span className="hint"> at {c.exchangeRate}</span> : null}
                    </td>
                    <td>{c.unit}</td>
                    <td>
                      {c.source === 'DEMO' ? <span className="badge warn">demo</span> : SOURCE_LABEL[c.source]}
                      {c.justificationReference ? <span className="hint"> {c.justificationReference}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="row">
          {page > 1 ? <Link to={link(page - 1)}>← Newer</Link> : <span />}
          {hasMore ? <Link to={link(page + 1)}>Older →</Link> : <span />}
        </nav>
      </section>
    </>
  )
}
