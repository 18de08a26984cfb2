import { Form, Link } from '@remix-run/react'
import type { AlertView } from '../alerts/list-alerts.server.ts'
import { SortableTable } from '~/ui/sortable-table'
import { Notice } from '~/ui/notice'
import { DateTime } from '~/calendar/date-time'
import { formatDate } from '~/calendar/format-date'
import { PreciseFigure } from './coefficient-figure.tsx'
import type { StandingCountry, StandingStatus } from './standing-status.ts'

/** When the alerts recorded each country's last entry into "very poorly balanced", by code. */
export type LatestEntries = Record<string, { raisedAt: string; cause: string }>

/** "1 Mar 2026 to 28 Feb 2027". */
const statusYearSpan = (standing: Pick<StandingStatus, 'startsOn' | 'endsOn'>) => `${formatDate(standing.startsOn)} to ${formatDate(standing.endsOn)}`

function since(country: StandingCountry, statusYear: number): string {
  if (country.sinceFirstFigures) return `at least since status year ${country.sinceStatusYear} (the first with figures)`
  return country.sinceStatusYear === statusYear ? `since this status year (${statusYear})` : `since status year ${country.sinceStatusYear}`
}

/**
 * The top of the dashboard: the standing status of the published status year (the countries very
 * poorly balanced now, counted in the heading), then the crossing events still to acknowledge,
 * each country once. Both concern the published status year whatever window the figures below show.
 */
export function ReturnStatusSection({
  standing,
  entries,
  alerts,
  viewed,
}: {
  standing: StandingStatus
  entries: LatestEntries
  alerts: AlertView[]
  /** The window the rest of the page shows. */
  viewed: { label: string; isDefault: boolean }
}) {
  const count = standing.countries.length
  return (
    <section className="card" id="alerts" aria-labelledby="standing-heading">
      <h2 id="standing-heading">Very poorly balanced now ({standing.computable ? count : 'not computed'})</h2>
      <p>
        Supplies, published status year {standing.statusYear} ({statusYearSpan(standing)}), computed over calendar years {standing.windowLabel}.
      </p>
      {viewed.isDefault ? null : (
        <Notice>
          The figures further down are for {viewed.label}. This status and the alerts concern the published status year {standing.statusYear} (over {standing.windowLabel}) only: none is
          computed for {viewed.label}, so what is or is not listed here says nothing about {viewed.label}.
        </Notice>
      )}
      {!standing.computable ? (
        <p className="empty">No status can be computed for status year {standing.statusYear} yet: its window needs a contribution scale and contracts.</p>
      ) : count === 0 ? (
        <p className="empty">No country is very poorly balanced for supplies in status year {standing.statusYear}.</p>
      ) : (
        <SortableTable
          caption={`Countries very poorly balanced for supplies in status year ${standing.statusYear}, lowest coefficient first`}
          rows={standing.countries}
          rowKey={(country) => country.countryCode}
          columns={[
            { header: 'Country', rowHeader: true, cell: (country) => `${country.name} (${country.countryCode})` },
            { header: 'Coefficient', numeric: true, cell: (country) => <PreciseFigure display={country.coefficient} precise={country.coefficientPrecise} /> },
            { header: 'Very poorly balanced', cell: (country) => since(country, standing.statusYear) },
            {
              header: 'Entry recorded',
              cell: (country) => {
                const entry = entries[country.countryCode]
                return entry ? (
                  <>
                    <DateTime at={entry.raisedAt} /> <span className="hint">({entry.cause})</span>
                  </>
                ) : (
                  <span className="hint">no crossing recorded over {standing.windowLabel}</span>
                )
              },
            },
          ]}
        />
      )}
      <h3 id="alerts-heading">Crossings to acknowledge ({alerts.length})</h3>
      <p className="hint">
        A crossing is recorded when a country enters or leaves “very poorly balanced” for supplies in the published status year, as contracts, scales or the status year change. Each country
        shows once, with its latest crossing.
      </p>
      {alerts.length === 0 ? (
        <p className="empty">No crossing to acknowledge.</p>
      ) : (
        <SortableTable
          caption="Alerts waiting to be acknowledged"
          rows={alerts}
          rowKey={(alert) => alert.id}
          columns={[
            { header: 'Country', rowHeader: true, cell: (alert) => `${alert.countryName} (${alert.countryCode})` },
            { header: 'Change', cell: (alert) => <AlertChange alert={alert} /> },
            { header: 'Coefficient', numeric: true, cell: (alert) => <PreciseFigure display={alert.coefficient} precise={alert.coefficientPrecise} /> },
            { header: 'Status year', cell: (alert) => `${alert.statusYear} (over ${alert.window})` },
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

function AlertChange({ alert }: { alert: AlertView }) {
  return (
    <>
      {alert.entered ? <span className="badge danger">entered very poorly balanced</span> : <span className="badge ok">left very poorly balanced</span>}
      {alert.earlierOpen.length ? (
        <span className="hint">
          {' '}
          after{' '}
          {alert.earlierOpen.map((earlier, index) => (
            <span key={earlier.raisedAt + index}>
              {index ? ', ' : ''}
              {earlier.entered ? 'entering' : 'leaving'} on <DateTime at={earlier.raisedAt} />
            </span>
          ))}
          {' '}(acknowledged with it)
        </span>
      ) : null}
    </>
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
