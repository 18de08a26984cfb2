import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { listAlerts } from '~/industrial-return/alerts/list-alerts.server'
import { loadReturnPolicy } from '~/industrial-return/return-policy.server'
import { PreciseFigure } from '~/industrial-return/views/coefficient-figure'
import { translated } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: 'industrial-return', title: (t) => t('industrial-return:alerts.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const db = getDatabase()
  const policy = await loadReturnPolicy(db, new Date())
  return { alerts: await listAlerts(db, { open: false, limit: 500, bands: policy.bands }) }
}

export default function AlertHistoryPage() {
  const { alerts } = useLoaderData<typeof loader>()
  const { t } = useTranslation('industrial-return')
  return (
    <>
      <PageHeader title={t('alerts.heading')} />
      <ReturnNav />
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('alerts.historyHeading')}</h2>
        <p className="hint">{t('alerts.statusYearNote')}</p>
        {alerts.length === 0 ? (
          <p className="empty">{t('alerts.empty')}</p>
        ) : (
          <SortableTable
            rows={alerts}
            rowKey={(a) => a.id}
            columns={[
              { header: t('columns.raised'), cell: (a) => <DateTime at={a.raisedAt} /> },
              { header: t('columns.country'), rowHeader: true, cell: (a) => `${a.countryName} (${a.countryCode})` },
              { header: t('columns.change'), cell: (a) => (a.entered ? <span className="badge danger">{t('alerts.entered')}</span> : <span className="badge ok">{t('alerts.left')}</span>) },
              { header: t('columns.coefficient'), numeric: true, cell: (a) => <PreciseFigure display={a.coefficient} precise={a.coefficientPrecise} /> },
              { header: t('columns.statusYear'), cell: (a) => t('alerts.statusYearOver', { statusYear: a.statusYear, window: a.window }) },
              { header: t('columns.cause'), cell: (a) => translated(t, a.cause) },
              {
                header: t('columns.acknowledged'),
                cell: (a) =>
                  a.acknowledgedAt ? (
                    <RichText text={t('alerts.acknowledgedBy', { name: a.acknowledgedBy ? translated(t, a.acknowledgedBy) : '' })} parts={[<DateTime key="at" at={a.acknowledgedAt} />]} />
                  ) : (
                    <span className="badge warn">{t('alerts.open')}</span>
                  ),
              },
            ]}
          />
        )}
      </section>
    </>
  )
}
