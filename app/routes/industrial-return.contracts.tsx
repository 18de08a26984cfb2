import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireProcurementOfficer } from '~/auth/session.server'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import { useFormats } from '~/i18n/use-formats'
import { isCurrency } from '~/money/currency'
import { listContracts } from '~/industrial-return/ledger/contracts.server'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { Notice } from '~/ui/notice'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: ['return-data', 'industrial-return'], title: (t) => t('return-data:contracts.title') }

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

export default function ContractsPage() {
  const { contracts, hasMore, q, page, recorded } = useLoaderData<typeof loader>()
  const { t } = useTranslation('return-data')
  const { chf, date, money } = useFormats()
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`
  return (
    <>
      <PageHeader title={t('contracts.title')} />
      <ReturnNav />
      {recorded ? (
        <Notice tone="success" role="status">
          {t('contracts.recorded')}
        </Notice>
      ) : null}
      <Form method="get" className="row return-inline" role="search">
        <div className="field">
          <label htmlFor="q">{t('contracts.search.label')}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div>
          <button type="submit">{t('contracts.search.submit')}</button>
        </div>
      </Form>
      <section className="card" aria-labelledby="contracts-heading">
        <h2 id="contracts-heading">{t('contracts.heading')}</h2>
        {contracts.length === 0 ? (
          <p className="empty">{q ? t('contracts.noMatch', { q }) : t('contracts.none')}</p>
        ) : (
          <SortableTable
            layout="scroll"
            caption={t('contracts.caption')}
            rows={contracts}
            rowKey={(c) => c.id}
            columns={[
              { header: t('contracts.columns.order'), rowHeader: true, cell: (c) => c.orderNumber },
              { header: t('contracts.columns.awarded'), cell: (c) => date(c.awardedOn) },
              { header: t('contracts.columns.supplier'), cell: (c) => c.supplierName },
              { header: t('contracts.columns.category'), cell: (c) => t(`categories.${c.category}`) },
              {
                header: t('contracts.columns.countsFor'),
                cell: (c) => (
                  <>
                    {c.returnCountryCode}
                    <span className="hint">
                      {' '}
                      {t('contracts.originAndEstablishment', { origin: c.originCountryCode ?? '—', established: c.establishmentCountryCode })}
                    </span>
                  </>
                ),
              },
              {
                header: t('contracts.columns.amount'),
                numeric: true,
                cell: (c) => (isCurrency(c.currency) ? money(c.amountMinor, c.currency) : c.amountMinor),
              },
              {
                header: 'CHF',
                numeric: true,
                cell: (c) => (
                  <>
                    {chf(c.amountChfMinor)}
                    {c.currency !== 'CHF' ? <span className="hint"> {t('contracts.atRate', { rate: c.exchangeRate })}</span> : null}
                  </>
                ),
              },
              { header: t('contracts.columns.unit'), cell: (c) => c.unit },
              {
                header: t('contracts.columns.source'),
                cell: (c) => (
                  <>
                    {c.source === 'DEMO' ? <span className="badge warn">{t('demo')}</span> : t(`contracts.sources.${c.source}`)}
                    {c.justificationReference ? <span className="hint"> {c.justificationReference}</span> : null}
                  </>
                ),
              },
            ]}
          />
        )}
        <nav aria-label={t('contracts.pages')} className="row">
          {page > 1 ? <Link to={link(page - 1)}>{t('contracts.newer')}</Link> : <span />}
          {hasMore ? <Link to={link(page + 1)}>{t('contracts.older')}</Link> : <span />}
        </nav>
      </section>
    </>
  )
}
