import { useLocation } from '@remix-run/react'
import { formatChf } from '~/money/amount'
import { SortableTable, sortLinksByKey, type SortLink } from '~/ui/sortable-table'
import { BandBadge } from './band-badge.tsx'
import { PreciseFigure } from './coefficient-figure.tsx'
import { CATEGORY_LABELS, describeChangeWithheld, formatPercent, NO_COEFFICIENT_REASONS } from './format.ts'
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
  // The sort links are built here, not by the loader: they keep whatever else the address holds.
  const sort = sortLinksByKey(
    COLUMNS.map((column): SortLink => {
      const active = query.sort === column.key
      const nextDirection = active && query.direction === 'asc' ? 'desc' : 'asc'
      return { ...column, href: params({ sort: column.key, dir: nextDirection }), ariaSort: active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined }
    }),
  )
  const windowParams = new URLSearchParams({ from: String(query.window.fromYear), to: String(query.window.toYear), category: query.category, sort: query.sort, dir: query.direction })
  return (
    <section className="card" aria-labelledby="table-heading">
      <h2 id="table-heading">By country</h2>
      <p>
        <a href={`/industrial-return/export.csv?${windowParams.toString()}`} download>
          Download this table as CSV
        </a>
      </p>
      <p className="hint">Coefficients to two decimals, never rounded across a band line (0.3996 shows 0.39); hover or focus one for four decimals, as in the CSV.</p>
      {view.changeWithheld ? <p id="change-withheld">{describeChangeWithheld(view.changeWithheld, categoryLabel)}</p> : null}
      {view.rows.length === 0 ? (
        <p className="empty">No country yet: add countries, a contribution scale and contracts.</p>
      ) : (
        <SortableTable
          layout="scroll"
          className="return-table"
          captionVisible
          sortNavigation="client"
          caption={
            <>
              Industrial return for {categoryLabel}, {view.windowLabel}, sorted by {COLUMNS.find((c) => c.key === query.sort)?.label.toLowerCase()} ({query.direction === 'asc' ? 'ascending' : 'descending'})
            </>
          }
          columns={[
            {
              header: sort('country'),
              rowHeader: true,
              cell: (row) => (
                <>
                  {row.name} <span className="hint">({row.countryCode})</span>
                  {row.membership === 'ASSOCIATE' ? <span className="hint"> associate</span> : null}
                  {row.membership === 'OTHER' ? <span className="hint"> non-member</span> : null}
                  {row.nonMemberYears.length > 0 ? <span className="hint"> · not a member in {row.nonMemberYears.join(', ')}</span> : null}
                  {row.cappedYears.length > 0 ? <span className="hint"> · counted up to its ceiling in {row.cappedYears.join(', ')}</span> : null}
                </>
              ),
            },
            { header: sort('value'), cell: (row) => formatChf(row.valueChfMinor) },
            { header: sort('share'), cell: (row) => formatPercent(row.contractSharePercent) },
            { header: sort('contribution'), cell: (row) => (row.membership === 'OTHER' ? '—' : formatPercent(row.contributionSharePercent)) },
            { header: sort('coefficient'), cell: (row) => <PreciseFigure display={row.coefficient} precise={row.coefficientPrecise} /> },
            { header: sort('change'), cell: (row) => <PreciseFigure display={row.change} precise={row.changePrecise} empty={view.changeWithheld ? 'no change shown' : '—'} /> },
            {
              header: 'Band',
              cell: (row) => (row.band ? <BandBadge band={row.band} /> : <span className="hint">{row.noCoefficientReason ? NO_COEFFICIENT_REASONS[row.noCoefficientReason] : 'no coefficient'}</span>),
            },
          ]}
          rows={view.rows}
          rowKey={(row) => row.countryCode}
        />
      )}
    </section>
  )
}
