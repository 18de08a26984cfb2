import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { SortableTable, sortLinksByKey, type SortLink } from '~/ui/sortable-table'
import { BandBadge } from './band-badge.tsx'
import { PreciseFigure } from './coefficient-figure.tsx'
import { categoryName, describeChangeWithheld, formatPercent, noCoefficientReason } from './format.ts'
import type { SortKey } from './dashboard-query.ts'
import type { DashboardView } from './dashboard-view.ts'

const COLUMNS: { key: SortKey; numeric: boolean }[] = [
  { key: 'country', numeric: false },
  { key: 'value', numeric: true },
  { key: 'share', numeric: true },
  { key: 'contribution', numeric: true },
  { key: 'coefficient', numeric: true },
  { key: 'change', numeric: true },
]

/** The dashboard's table by country, sorted by the server through ?sort=&dir=, with its CSV download. */
export function CountryTableSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation('industrial-return')
  const { chf } = useFormats()
  const location = useLocation()
  const { query } = view
  const category = categoryName(t, query.category)
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
      return {
        ...column,
        label: t(`table.columns.${column.key}`),
        href: params({ sort: column.key, dir: nextDirection }),
        ariaSort: active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined,
      }
    }),
  )
  const windowParams = new URLSearchParams({ from: String(query.window.fromYear), to: String(query.window.toYear), category: query.category, sort: query.sort, dir: query.direction })
  return (
    <section className="card" aria-labelledby="table-heading">
      <h2 id="table-heading">{t('table.heading')}</h2>
      <p>
        <a href={`/industrial-return/export.csv?${windowParams.toString()}`} download>
          {t('table.download')}
        </a>
      </p>
      <p className="hint">{t('table.csvHint')}</p>
      <p className="hint">{t('table.decimalsHint')}</p>
      {view.changeWithheld ? <p id="change-withheld">{describeChangeWithheld(t, view.changeWithheld, query.category)}</p> : null}
      {view.rows.length === 0 ? (
        <p className="empty">{t('table.empty')}</p>
      ) : (
        <SortableTable
          layout="scroll"
          className="return-table"
          captionVisible
          sortNavigation="client"
          caption={t(query.direction === 'asc' ? 'table.captionAscending' : 'table.captionDescending', {
            category,
            window: view.windowLabel,
            column: t(`table.sortedBy.${query.sort}`),
          })}
          columns={[
            {
              header: sort('country'),
              rowHeader: true,
              cell: (row) => (
                <>
                  {row.name} <span className="hint">({row.countryCode})</span>
                  {row.membership === 'ASSOCIATE' ? <span className="hint"> {t('table.associate')}</span> : null}
                  {row.membership === 'OTHER' ? <span className="hint"> {t('table.nonMember')}</span> : null}
                  {row.nonMemberYears.length > 0 ? <span className="hint"> · {t('table.notAMemberIn', { years: row.nonMemberYears.join(', ') })}</span> : null}
                  {row.cappedYears.length > 0 ? <span className="hint"> · {t('table.cappedIn', { years: row.cappedYears.join(', ') })}</span> : null}
                </>
              ),
            },
            { header: sort('value'), cell: (row) => chf(row.valueChfMinor) },
            { header: sort('share'), cell: (row) => formatPercent(row.contractSharePercent) },
            { header: sort('contribution'), cell: (row) => (row.membership === 'OTHER' ? '—' : formatPercent(row.contributionSharePercent)) },
            { header: sort('coefficient'), cell: (row) => <PreciseFigure display={row.coefficient} precise={row.coefficientPrecise} /> },
            { header: sort('change'), cell: (row) => <PreciseFigure display={row.change} precise={row.changePrecise} empty={view.changeWithheld ? t('table.noChangeShown') : '—'} /> },
            {
              header: t('table.columns.band'),
              cell: (row) => (row.band ? <BandBadge band={row.band} /> : <span className="hint">{row.noCoefficientReason ? noCoefficientReason(t, row.noCoefficientReason) : t('band.none')}</span>),
            },
          ]}
          rows={view.rows}
          rowKey={(row) => row.countryCode}
        />
      )}
    </section>
  )
}
