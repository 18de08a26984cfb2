import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import { listAlerts } from '~/industrial-return/alerts/alerts.server'
import { formatDateTimeShort } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'

export const meta: MetaFunction = () => [{ title: 'Alert history · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { alerts: await listAlerts(getDatabase(), { open: false, limit: 500 }) }
}

export default function AlertHistoryPage() {
  const { alerts } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Alert history</h1>
      <ReturnNav />
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Countries entering and leaving “very poorly balanced” (supplies)</h2>
        {alerts.length === 0 ? (
          <p className="empty">No alert yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Country</th>
                <th scope="col">Change</th>
                <th scope="col" className="number">Coefficient</th>
                <th scope="col">Window</th>
                <th scope="col">Cause</th>
                <th scope="col">Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTimeShort(a.raisedAt)}</td>
                  <th scope="row">
                    {a.countryName} ({a.countryCode})
                  </th>
                  <td>{a.entered ? <span className="badge danger">entered</span> : <span className="badge ok">left</span>}</td>
                  <td className="number">{a.coefficient ?? '—'}</td>
                  <td>{a.window}</td>
                  <td>{a.cause}</td>
                  <td>{a.acknowledgedAt ? `${formatDateTimeShort(a.acknowledgedAt)} by ${a.acknowledgedBy}` : <span className="badge warn">open</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
