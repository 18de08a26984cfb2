import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import type { RouteHandle } from '~/i18n/route-handle'
import type { AmsCeilingRow } from '~/industrial-return/views/ams-ceilings'
import { loadAmsCeilings } from '~/industrial-return/views/ams-ceilings.server'
import { PreciseFigure } from '~/industrial-return/views/coefficient-figure'
import { categoryName } from '~/industrial-return/views/format'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const handle: RouteHandle = { i18n: 'industrial-return', title: (t, data: { year: number } | undefined) => t('industrial-return:ceilings.title', { year: data?.year ?? '' }) }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const now = new Date()
  const thisYear = yearOf(calendarDateIn(now))
  const asked = Number(new URL(request.url).searchParams.get('year'))
  const year = Number.isInteger(asked) && asked >= 1950 && asked <= 2200 ? asked : thisYear
  return { year, thisYear, ...(await loadAmsCeilings(getDatabase(), now, year)) }
}

function Position({ row, category }: { row: AmsCeilingRow; category: 'SUPPLIES' | 'SERVICES' }) {
  const { t } = useTranslation('industrial-return')
  const figure = row.coefficients[category]
  if (!figure) return <span className="hint">{t('ceilings.noFigure')}</span>
  return (
    <>
      <PreciseFigure display={figure.display} precise={figure.precise} /> {figure.reached ? <span className="badge danger">{t('ceilings.atCeiling')}</span> : null}
    </>
  )
}

export default function AmsCeilingsPage() {
  const { year, thisYear, rows, yearsWithCeilings } = useLoaderData<typeof loader>()
  const { t } = useTranslation('industrial-return')
  const reached = rows.filter((r) => r.reachedIn.length > 0)
  return (
    <>
      <PageHeader title={t('ceilings.heading', { year })} />
      <ReturnNav />
      <section className="card" aria-labelledby="ceilings-heading">
        <h2 id="ceilings-heading">{t('ceilings.positionHeading')}</h2>
        <p className="hint">
          <RichText text={t('ceilings.hint', { year })} parts={[<Link key="policy" to="/industrial-return/policy" />]} />
        </p>
        {reached.length > 0 ? (
          <ul aria-label={t('ceilings.reachedLabel')}>
            {reached.map((r) => (
              <li key={r.countryCode}>
                <strong>{t('ceilings.reached', { country: r.name, year })}</strong> ({r.reachedIn.map((c) => categoryName(t, c)).join(t('list.and'))})
              </li>
            ))}
          </ul>
        ) : null}
        {rows.length === 0 ? (
          <p className="empty">{t('ceilings.empty', { year })}</p>
        ) : (
          <SortableTable
            rows={rows}
            rowKey={(r) => r.countryCode}
            columns={[
              { header: t('columns.country'), rowHeader: true, cell: (r) => `${r.name} (${r.countryCode})` },
              { header: t('ceilings.columns.ceiling'), numeric: true, cell: (r) => r.ceiling },
              { header: t('categoryTitle.SUPPLIES'), numeric: true, cell: (r) => <Position row={r} category="SUPPLIES" /> },
              { header: t('categoryTitle.SERVICES'), numeric: true, cell: (r) => <Position row={r} category="SERVICES" /> },
              {
                header: t('ceilings.columns.status'),
                cell: (r) =>
                  r.reachedIn.length > 0 ? <span className="badge danger">{t('ceilings.hasReached', { year })}</span> : <span className="badge ok">{t('ceilings.below')}</span>,
              },
            ]}
          />
        )}
        <Form method="get" className="row return-inline">
          <div className="field">
            <label htmlFor="year">{t('ceilings.year')}</label>
            <input id="year" name="year" type="number" min={1950} max={2200} defaultValue={year} required />
          </div>
          <div>
            <button type="submit">{t('window.show')}</button>
          </div>
        </Form>
        {yearsWithCeilings.length > 0 ? (
          <p className="hint">
            {t('ceilings.yearsWithCeilings')}{' '}
            {yearsWithCeilings.map((y, i) => (
              <span key={y}>
                {i > 0 ? ', ' : ''}
                {y === year ? y : <Link to={`?year=${y}`}>{y}</Link>}
              </span>
            ))}
            {year !== thisYear ? (
              <>
                {' '}
                · <Link to="?">{t('ceilings.thisYear')}</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </section>
    </>
  )
}
