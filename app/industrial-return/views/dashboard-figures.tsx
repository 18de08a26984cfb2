/**
 * The dashboard's figures below the table: the chart of coefficients, the map of bands, the most
 * imbalanced countries and the very poorly balanced count per status year (chart and table).
 */
import { useTranslation } from 'react-i18next'
import { SortableTable } from '~/ui/sortable-table'
import type { Band, Category } from '../arithmetic/bands.ts'
import { BandBadge } from './band-badge.tsx'
import { PreciseFigure } from './coefficient-figure.tsx'
import { CoefficientChart, VeryPoorlyTrendChart } from './charts.tsx'
import { EuropeMap } from './europe-map.tsx'
import type { MapShape } from './europe-map.server.ts'
import type { CountryRowView, DashboardView } from './dashboard-view.ts'

/** Members and associates drawn on the map of Europe; others with a coefficient are named in its caption. */
const ON_THE_MAP = new Set(['AT', 'BE', 'BG', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HU', 'IT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'CY', 'HR', 'IE', 'LT', 'LV', 'TR', 'UA', 'IL'])

export interface MapData {
  shapes: MapShape[]
  width: number
  height: number
}

export function CoefficientChartSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation('industrial-return')
  return (
    <section className="card" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{t('chart.heading')}</h2>
      <CoefficientChart rows={view.rows} thresholds={view.thresholds} windowLabel={view.windowLabel} category={view.query.category} />
    </section>
  )
}

export function BandMapSection({ rows, map, windowLabel, category, legendBands }: { rows: CountryRowView[]; map: MapData; windowLabel: string; category: Category; legendBands: Band[] }) {
  const { t } = useTranslation('industrial-return')
  const members = rows.filter((r) => r.membership !== 'OTHER')
  const bands = Object.fromEntries(members.map((r) => [r.countryCode, { band: r.band, coefficient: r.coefficientPrecise, name: r.name }]))
  const outside = members.filter((r) => !ON_THE_MAP.has(r.countryCode)).map((r) => ({ countryCode: r.countryCode, name: r.name, band: r.band, coefficient: r.coefficient }))
  return (
    <section className="card" aria-labelledby="map-heading">
      <h2 id="map-heading">{t('map.heading')}</h2>
      {rows.some((r) => r.coefficient !== null) ? (
        <EuropeMap shapes={map.shapes} width={map.width} height={map.height} bands={bands} outside={outside} windowLabel={windowLabel} category={category} legendBands={legendBands} />
      ) : (
        <p className="empty">{t('map.empty', { window: windowLabel })}</p>
      )}
    </section>
  )
}

export function MostImbalancedSection({ countries, category }: { countries: DashboardView['mostImbalanced']; category: Category }) {
  const { t } = useTranslation('industrial-return')
  return (
    <section className="card" aria-labelledby="imbalanced-heading">
      <h2 id="imbalanced-heading">{t('imbalanced.heading', { category: t(`category.${category}`) })}</h2>
      {countries.length === 0 ? (
        <p className="empty">{t('imbalanced.empty')}</p>
      ) : (
        <ol>
          {countries.map((country) => (
            <li key={country.countryCode}>
              {country.name} ({country.countryCode}): <PreciseFigure display={country.coefficient} precise={country.coefficientPrecise} /> <BandBadge band={country.band} />
            </li>
          ))}
        </ol>
      )}
      <p className="hint">{t('imbalanced.hint')}</p>
    </section>
  )
}

export function VeryPoorlyTrendSection({ trend }: { trend: DashboardView['trend'] }) {
  const { t } = useTranslation('industrial-return')
  const target = trend.find((p) => p.target !== null)
  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('trend.heading')}</h2>
      <VeryPoorlyTrendChart points={trend} targetLabel={target ? t('trend.targetFromPolicy') : t('trend.targetNone')} />
      <SortableTable
        caption={t('trend.caption')}
        rows={trend}
        rowKey={(p) => String(p.statusYear)}
        columns={[
          { header: t('trend.columns.statusYear'), rowHeader: true, cell: (p) => p.statusYear },
          { header: t('trend.columns.window'), cell: (p) => p.window },
          { header: t('trend.columns.veryPoorly'), numeric: true, cell: (p) => p.veryPoorlyCount ?? '—' },
          { header: t('trend.columns.target'), numeric: true, cell: (p) => p.target ?? '' },
        ]}
      />
    </section>
  )
}
