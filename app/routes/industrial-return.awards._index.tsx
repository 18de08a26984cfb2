import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { formatMoney } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { listAwardableJustifications } from '~/industrial-return/ledger/awards.server'
import { CATEGORY_LABELS, formatDateTimeShort } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'

export const meta: MetaFunction = () => [{ title: 'Record awards · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { justifications: await listAwardableJustifications(getDatabase()) }
}

export default function AwardsPage() {
  const { justifications } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Record awards</h1>
      <ReturnNav />
      <section className="card" aria-labelledby="awardable-heading">
        <h2 id="awardable-heading">Approved justifications without a contract ({justifications.length})</h2>
        {justifications.length === 0 ? (
          <p className="empty">Every approved justification has its contract recorded.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Supplier</th>
                <th scope="col">Category</th>
                <th scope="col" className="number">Amount</th>
                <th scope="col">Approved</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {justifications.map((j) => (
                <tr key={j.id}>
                  <th scope="row">{j.reference}</th>
                  <td>
                    {j.title} <span className="hint">({j.group})</span>
                  </td>
                  <td>
                    {j.supplierName} ({j.supplierCountryCode}
                    {j.originCountryCode && j.originCountryCode !== j.supplierCountryCode ? `, goods from ${j.originCountryCode}` : ''})
                  </td>
                  <td>{CATEGORY_LABELS[j.category]}</td>
                  <td className="number">{isCurrency(j.currency) ? formatMoney(j.amountMinor, j.currency) : `${j.currency} ${j.amountMinor / 100}`}</td>
                  <td>{j.decidedAt ? formatDateTimeShort(j.decidedAt) : '—'}</td>
                  <td>
                    <Link to={`/industrial-return/awards/${j.id}`} aria-label={`Record the contract of ${j.reference}`}>
                      Record contract
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
