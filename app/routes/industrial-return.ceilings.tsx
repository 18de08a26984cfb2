import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireProcurementOfficer } from '~/auth/session.server'
import { calendarDateIn, yearOf } from '~/calendar/calendar-date'
import { getDatabase } from '~/db/client.server'
import { CATEGORY_WORDS, type AmsCeilingRow } from '~/industrial-return/views/ams-ceilings'
import { loadAmsCeilings } from '~/industrial-return/views/ams-ceilings.server'
import { PreciseFigure } from '~/industrial-return/views/coefficient-figure'
import { ReturnNav } from '~/industrial-return/views/return-nav'
import { PageHeader } from '~/ui/page-header'
import { SortableTable } from '~/ui/sortable-table'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Associate ceilings ${data?.year ?? ''} · Industrial return · SoleSource` }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProcurementOfficer(request)
  const now = new Date()
  const thisYear = yearOf(calendarDateIn(now))
  const asked = Number(new URL(request.url).searchParams.get('year'))
  const year = Number.isInteger(asked) && asked >= 1950 && asked <= 2200 ? asked : thisYear
  return { year, thisYear, ...(await loadAmsCeilings(getDatabase(), now, year)) }
}

function Position({ row, category }: { row: AmsCeilingRow; category: 'SUPPLIES' | 'SERVICES' }) {
  const figure = row.coefficients[category]
  if (!figure) return <span className="hint">no figure</span>
  return (
    <>
      <PreciseFigure display={figure.display} precise={figure.precise} /> {figure.reached ? <span className="badge danger">at ceiling</span> : null}
    </>
  )
}

export default function AmsCeilingsPage() {
  const { year, thisYear, rows, yearsWithCeilings } = useLoaderData<typeof loader>()
  const reached = rows.filter((r) => r.reachedIn.length > 0)
  return (
    <>
      <PageHeader title={`Associate Member States’ ceilings, ${year}`} />
      <ReturnNav />
      <section className="card" aria-labelledby="ceilings-heading">
        <h2 id="ceilings-heading">Position against the ceiling</h2>
        <p className="hint">
          Each Associate Member State’s coefficient for {year} alone (its contracts of {year} over its share of the {year} contributions), against the
          ceiling the <Link to="/industrial-return/policy">spread policy</Link> sets for it. At or above the ceiling, further contracts do not count for
          its return that year.
        </p>
        {reached.length > 0 ? (
          <ul aria-label="Ceilings reached">
            {reached.map((r) => (
              <li key={r.countryCode}>
                <strong>
                  {r.name} has reached its ceiling for {year}
                </strong>{' '}
                ({r.reachedIn.map((c) => CATEGORY_WORDS[c]).join(' and ')})
              </li>
            ))}
          </ul>
        ) : null}
        {rows.length === 0 ? (
          <p className="empty">No Associate Member State has a ceiling for {year}. Set ceilings on the spread policy page.</p>
        ) : (
          <SortableTable
            rows={rows}
            rowKey={(r) => r.countryCode}
            columns={[
              { header: 'Country', rowHeader: true, cell: (r) => `${r.name} (${r.countryCode})` },
              { header: 'Ceiling', numeric: true, cell: (r) => r.ceiling },
              { header: 'Supplies', numeric: true, cell: (r) => <Position row={r} category="SUPPLIES" /> },
              { header: 'Services', numeric: true, cell: (r) => <Position row={r} category="SERVICES" /> },
              {
                header: 'Status',
                cell: (r) => (r.reachedIn.length > 0 ? <span className="badge danger">has reached its ceiling for {year}</span> : <span className="badge ok">below its ceiling</span>),
              },
            ]}
          />
        )}
        <Form method="get" className="row return-inline">
          <div className="field">
            <label htmlFor="year">Year</label>
            <input id="year" name="year" type="number" min={1950} max={2200} defaultValue={year} required />
          </div>
          <div>
            <button type="submit">Show</button>
          </div>
        </Form>
        {yearsWithCeilings.length > 0 ? (
          <p className="hint">
            Years with ceilings:{' '}
            {yearsWithCeilings.map((y, i) => (
              <span key={y}>
                {i > 0 ? ', ' : ''}
                {y === year ? y : <Link to={`?year=${y}`}>{y}</Link>}
              </span>
            ))}
            {year !== thisYear ? (
              <>
                {' '}
                · <Link to="?">this year</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </section>
    </>
  )
}
