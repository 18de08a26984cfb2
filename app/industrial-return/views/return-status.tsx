import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import type { AlertView } from '../alerts/list-alerts.server.ts'
import { SortableTable } from '~/ui/sortable-table'
import { Notice } from '~/ui/notice'
import { DateTime } from '~/calendar/date-time'
import { formatDate } from '~/calendar/format-date'
import { useLanguage } from '~/i18n/use-formats'
import { PreciseFigure } from './coefficient-figure.tsx'
import { translated, type ReturnT } from './format.ts'
import type { StandingCountry, StandingStatus } from './standing-status.ts'

/** When the alerts recorded each country's last entry into "very poorly balanced", by code (the cause as stored: a message or older plain text). */
export type LatestEntries = Record<string, { raisedAt: string; cause: string }>

function since(t: ReturnT, country: StandingCountry, statusYear: number): string {
  if (country.sinceFirstFigures) return t('status.sinceFirstFigures', { statusYear: country.sinceStatusYear })
  return country.sinceStatusYear === statusYear ? t('status.sinceThisYear', { statusYear }) : t('status.sinceYear', { statusYear: country.sinceStatusYear })
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
  const { t } = useTranslation('industrial-return')
  const language = useLanguage()
  const count = standing.countries.length
  // "1 Mar 2026 to 28 Feb 2027" / "du 1 mars 2026 au 28 févr. 2027".
  const span = t('status.span', { startsOn: formatDate(standing.startsOn, language), endsOn: formatDate(standing.endsOn, language) })
  return (
    <section className="card" id="alerts" aria-labelledby="standing-heading">
      <h2 id="standing-heading">{standing.computable ? t('status.heading', { count }) : t('status.headingNotComputed')}</h2>
      <p>{t('status.published', { statusYear: standing.statusYear, span, window: standing.windowLabel })}</p>
      {viewed.isDefault ? null : <Notice>{t('status.otherWindow', { viewed: viewed.label, statusYear: standing.statusYear, window: standing.windowLabel })}</Notice>}
      {!standing.computable ? (
        <p className="empty">{t('status.notComputable', { statusYear: standing.statusYear })}</p>
      ) : count === 0 ? (
        <p className="empty">{t('status.none', { statusYear: standing.statusYear })}</p>
      ) : (
        <SortableTable
          caption={t('status.caption', { statusYear: standing.statusYear })}
          rows={standing.countries}
          rowKey={(country) => country.countryCode}
          columns={[
            { header: t('columns.country'), rowHeader: true, cell: (country) => `${country.name} (${country.countryCode})` },
            { header: t('columns.coefficient'), numeric: true, cell: (country) => <PreciseFigure display={country.coefficient} precise={country.coefficientPrecise} /> },
            { header: t('status.columns.veryPoorly'), cell: (country) => since(t, country, standing.statusYear) },
            {
              header: t('status.columns.entryRecorded'),
              cell: (country) => {
                const entry = entries[country.countryCode]
                return entry ? (
                  <>
                    <DateTime at={entry.raisedAt} /> <span className="hint">({translated(t, entry.cause)})</span>
                  </>
                ) : (
                  <span className="hint">{t('status.noCrossingRecorded', { window: standing.windowLabel })}</span>
                )
              },
            },
          ]}
        />
      )}
      <h3 id="alerts-heading">{t('status.crossingsHeading', { count: alerts.length })}</h3>
      <p className="hint">{t('status.crossingsHint')}</p>
      {alerts.length === 0 ? (
        <p className="empty">{t('status.noCrossing')}</p>
      ) : (
        <SortableTable
          caption={t('status.crossingsCaption')}
          rows={alerts}
          rowKey={(alert) => alert.id}
          columns={[
            { header: t('columns.country'), rowHeader: true, cell: (alert) => `${alert.countryName} (${alert.countryCode})` },
            { header: t('columns.change'), cell: (alert) => <AlertChange alert={alert} /> },
            { header: t('columns.coefficient'), numeric: true, cell: (alert) => <PreciseFigure display={alert.coefficient} precise={alert.coefficientPrecise} /> },
            { header: t('columns.statusYear'), cell: (alert) => t('alerts.statusYearOver', { statusYear: alert.statusYear, window: alert.window }) },
            { header: t('columns.cause'), cell: (alert) => translated(t, alert.cause) },
            { header: t('columns.raised'), cell: (alert) => <DateTime at={alert.raisedAt} /> },
            { header: t('columns.action'), cell: (alert) => <AcknowledgeButton alert={alert} /> },
          ]}
        />
      )}
      <p>
        <Link to="/industrial-return/alerts">{t('alerts.historyLink')}</Link>
      </p>
    </section>
  )
}

function AlertChange({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('industrial-return')
  return (
    <>
      {alert.entered ? <span className="badge danger">{t('alerts.enteredVeryPoorly')}</span> : <span className="badge ok">{t('alerts.leftVeryPoorly')}</span>}
      {alert.earlierOpen.length ? (
        <span className="hint">
          {' '}
          {t('alerts.after')}{' '}
          {alert.earlierOpen.map((earlier, index) => (
            <span key={earlier.raisedAt + index}>
              {index ? ', ' : ''}
              <RichText text={t(earlier.entered ? 'alerts.enteringOn' : 'alerts.leavingOn')} parts={[<DateTime key="at" at={earlier.raisedAt} />]} />
            </span>
          ))}{' '}
          {t('alerts.acknowledgedWithIt')}
        </span>
      ) : null}
    </>
  )
}

function AcknowledgeButton({ alert }: { alert: AlertView }) {
  const { t } = useTranslation('industrial-return')
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="alertId" value={alert.id} />
      <button type="submit" name="intent" value="acknowledge" className="secondary" aria-label={t('alerts.acknowledgeFor', { country: alert.countryName })}>
        {t('alerts.acknowledge')}
      </button>
    </Form>
  )
}
