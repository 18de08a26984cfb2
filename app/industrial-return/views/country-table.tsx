import { Link, useLocation } from '@remix-run/react'
import { formatChf } from '~/money/amount'
import { BandBadge } from './band-badge.tsx'
import { CATEGORY_LABELS, formatPercent, NO_COEFFICIENT_REASONS } from './format.ts'
import type { SortKey } from './dashboard-query.ts'
import type { DashboardView } from './dashboard-view.ts'

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'country', label: 'Country', numeric: false },
  { key: 'value', label: 'Contracts (CHF)', numeric: true },
  { key: 'share', label: 'Share of value', numeric: true },
  { key: 'contribution', label: 'Share of contributions', numeric: true },
  { key: 'coefficient', label: 'Coefficient', numeric: true },
  { key: 'change', label: 'Change', numeric: true },
]

/** The dashboard's table by country, sorted by the server through ?sort=&dir=, with its CSV download. */
export function CountryTableSection({ view }: { view: DashboardView }) {
  const location = useLocation()
  const { query } = view
  const categoryLabel = CATEGORY_LABELS[query.category]
  const params = (changes: Record<string, string>) => {
    const next = new URLSearchParams(location.search)
    for (const [key, value] of Object.entries(changes)) next.set(key, value)
    return `?${next.toString()}`
  }
  const windowParams = new URLSearchParams({ from: String(query.window.fromYear), to: String(query.window.toYear), category: query.category, sort: query.sort, dir: query.direction })
  return (
    <section className="card" aria-labelledby="table-heading">
      <h2 id="table-heading">By country</h2>
      <p>
        <a href={`/industrial-return/export.csv?${windowParams.toString()}`} download>
          Download this table as CSV
        </a>
      </p>
      {view.rows.length === 0 ? (
        <p className="empty">No country yet: add countries, a contribution scale and contracts.</p>
      ) : (
        <div className="table-scroll">
          <table className="return-table">
            <caption>
              Industrial return for {categoryLabel}, {view.windowLabel}, sorted by {COLUMNS.find((c) => c.key === query.sort)?.label.toLowerCase()} ({query.direction === 'asc' ? 'ascending' : 'descending'})
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const active = query.sort === column.key
                  const nextDirection = active && query.direction === 'asc' ? 'desc' : 'asc'
                  return (
                    <th key={column.key} scope="col" className={column.numeric ? 'number' : undefined} aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <Link to={params({ sort: column.key, dir: nextDirection })} preventScrollReset>
                        {column.label}
                        {active ? (query.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </Link>
                    </th>
                  )
                })}
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.countryCode}>
                  <th scope="row">
                    {row.name} <span className="hint">({row.countryCode})</span>
                    {row.membership === 'ASSOCIATE' ? <span className="hint"> associate</span> : null}
                    {row.membership === 'OTHER' ? <span className="hint"> non-member</span> : null}
                  </th>
                  <td className="number">{formatChf(row.valueChfMinor)}</td>
                  <td className="number">{formatPercent(row.contractSharePercent)}</td>
                  <td className="number">{row.membership === 'OTHER' ? '—' : formatPercent(row.contributionSharePercent)}</td>
                  <td className="number">{row.coefficient ?? '—'}</td>
                  <td className="number">{row.change ?? '—'}</td>
                  <td>{row.band ? <BandBadge band={row.band} /> : <span className="hint">{row.noCoefficientReason ? NO_COEFFICIENT_REASONS[row.noCoefficientReason] : 'no coefficient'}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
