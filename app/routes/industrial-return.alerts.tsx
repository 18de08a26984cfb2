import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import { listAlerts } from '~/industrial-return/alerts/list-alerts.server'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { PreciseFigure } from '~/industrial-return/views/coefficient-figure'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const meta: MetaFunction = () => [{ title: 'Alert history · Industrial return · SoleSource' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const db = getDatabase()
  const policy = await loadReturnPolicy(db, new Date())
  return { alerts: await listAlerts(db, { open: false, limit: 500, bands: policy.bands }) }
}

export default function AlertHistoryPage() {
  const { alerts } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Alert history" />
      <ReturnNav />
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Countries entering and leaving “very poorly balanced” (supplies)</h2>
        <p className="hint">Each alert concerns one published status year (1 March to end of February), computed over the calendar years before it; no other window has alerts.</p>
        {alerts.length === 0 ? (
          <p className="empty">No alert yet.</p>
        ) : (
          <SortableTable
            rows={alerts}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Raised', cell: (a) => <DateTime at={a.raisedAt} /> },
              { header: 'Country', rowHeader: true, cell: (a) => `${a.countryName} (${a.countryCode})` },
              { header: 'Change', cell: (a) => (a.entered ? <span className="badge danger">entered</span> : <span className="badge ok">left</span>) },
              { header: 'Coefficient', numeric: true, cell: (a) => <PreciseFigure display={a.coefficient} precise={a.coefficientPrecise} /> },
              { header: 'Status year', cell: (a) => `${a.statusYear} (over ${a.window})` },
              { header: 'Cause', cell: (a) => a.cause },
              { header: 'Acknowledged', cell: (a) => (a.acknowledgedAt ? <><DateTime at={a.acknowledgedAt} /> by {a.acknowledgedBy}</> : <span className="badge warn">open</span>) },
            ]}
          />
        )}
      </section>
    </>
  )
}
