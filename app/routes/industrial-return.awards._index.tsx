import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireProcurementOfficer } from '~/auth/session.server'
import { DateTime } from '~/calendar/date-time'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { isCurrency } from '~/money/currency'
import { listAwardableJustifications } from '~/industrial-return/ledger/list-awardable-justifications.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:awards.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  return { justifications: await listAwardableJustifications(getDatabase()) }
}

export default function AwardsPage() {
  const { justifications } = useLoaderData<typeof loader>()
  const { t } = useTranslation('return-data')
  const { money } = useFormats()
  return (
    <>
      <PageHeader title={t('awards.title')} />
      <ReturnNav />
      <section className="card" aria-labelledby="awardable-heading">
        <h2 id="awardable-heading">{t('awards.heading', { count: justifications.length })}</h2>
        {justifications.length === 0 ? (
          <p className="empty">{t('awards.none')}</p>
        ) : (
          <SortableTable
            rows={justifications}
            rowKey={(j) => j.id}
            columns={[
              { header: t('awards.columns.reference'), rowHeader: true, cell: (j) => j.reference },
              {
                header: t('awards.columns.title'),
                cell: (j) => (
                  <>
                    {j.title} <span className="hint">({j.group})</span>
                  </>
                ),
              },
              {
                header: t('awards.columns.supplier'),
                cell: (j) => (
                  <>
                    {j.supplierName} ({j.supplierCountryCode}
                    {j.originCountryCode && j.originCountryCode !== j.supplierCountryCode ? `, ${t('awards.goodsFrom', { country: j.originCountryCode })}` : ''})
                  </>
                ),
              },
              { header: t('awards.columns.category'), cell: (j) => t(`categories.${j.category}`) },
              { header: t('awards.columns.amount'), numeric: true, cell: (j) => (isCurrency(j.currency) ? money(j.amountMinor, j.currency) : `${j.currency} ${j.amountMinor / 100}`) },
              { header: t('awards.columns.approved'), cell: (j) => (j.decidedAt ? <DateTime at={j.decidedAt} /> : '—') },
              {
                header: t('awards.columns.action'),
                cell: (j) => (
                  // The accessible name starts with the visible words (WCAG 2.5.3: a voice user says what
                  // they see) and names the justification for a screen reader's list of links.
                  <Link to={`/industrial-return/awards/${j.id}`}>
                    {t('awards.record')}
                    <span className="visually-hidden"> {t('awards.recordOf', { reference: j.reference })}</span>
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
