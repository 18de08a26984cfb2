import { Form, Link } from '@remix-run/react'
import type { AlertView } from '../alerts/list-alerts.server.ts'
import { SortableTable } from '~/ui/sortable-table'
import { DateTime } from '~/calendar/date-time'

/** The dashboard's alerts still to acknowledge, each with its Acknowledge button (posts intent=acknowledge). */
export function OpenAlertsSection({ alerts }: { alerts: AlertView[] }) {
  return (
    <section className="card" id="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts ({alerts.length})</h2>
      {alerts.length === 0 ? (
        <p className="empty">No alert to acknowledge. Alerts appear here when a country enters or leaves “very poorly balanced” for supplies.</p>
      ) : (
        <SortableTable
          caption="Alerts waiting to be acknowledged"
          rows={alerts}
          rowKey={(alert) => alert.id}
          columns={[
            { header: 'Country', cell: (alert) => `${alert.countryName} (${alert.countryCode})` },
            { header: 'Change', cell: (alert) => (alert.entered ? <span className="badge danger">entered very poorly balanced</span> : <span className="badge ok">left very poorly balanced</span>) },
            { header: 'Coefficient', numeric: true, cell: (alert) => alert.coefficient ?? '—' },
            { header: 'Window', cell: (alert) => alert.window },
            { header: 'Cause', cell: (alert) => alert.cause },
            { header: 'Raised', cell: (alert) => <DateTime at={alert.raisedAt} /> },
            { header: 'Action', cell: (alert) => <AcknowledgeButton alert={alert} /> },
          ]}
        />
      )}
      <p>
        <Link to="/industrial-return/alerts">Alert history</Link>
      </p>
    </section>
  )
}

function AcknowledgeButton({ alert }: { alert: AlertView }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="alertId" value={alert.id} />
      <button type="submit" name="intent" value="acknowledge" className="secondary" aria-label={`Acknowledge the alert for ${alert.countryName}`}>
        Acknowledge
      </button>
    </Form>
  )
}
