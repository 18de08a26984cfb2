/**
 * The dashboard's figures below the table: the chart of coefficients, the map of bands, the most
 * imbalanced countries and the very poorly balanced count per status year (chart and table).
 */
import { SortableTable } from '~/ui/sortable-table'
import type { Band } from '../arithmetic/bands.ts'
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

export function CoefficientChartSection({ view, categoryLabel }: { view: DashboardView; categoryLabel: string }) {
  return (
    <section className="card" aria-labelledby="chart-heading">
      <h2 id="chart-heading">Coefficients</h2>
      <CoefficientChart rows={view.rows} thresholds={view.thresholds} windowLabel={view.windowLabel} categoryLabel={categoryLabel} />
    </section>
  )
}

export function BandMapSection({ rows, map, windowLabel, categoryLabel, legendBands }: { rows: CountryRowView[]; map: MapData; windowLabel: string; categoryLabel: string; legendBands: Band[] }) {
  const members = rows.filter((r) => r.membership !== 'OTHER')
  const bands = Object.fromEntries(members.map((r) => [r.countryCode, { band: r.band, coefficient: r.coefficientPrecise, name: r.name }]))
  const outside = members.filter((r) => !ON_THE_MAP.has(r.countryCode)).map((r) => ({ countryCode: r.countryCode, name: r.name, band: r.band, coefficient: r.coefficient }))
  return (
    <section className="card" aria-labelledby="map-heading">
      <h2 id="map-heading">Map of bands</h2>
      {rows.some((r) => r.coefficient !== null) ? (
        <EuropeMap shapes={map.shapes} width={map.width} height={map.height} bands={bands} outside={outside} windowLabel={windowLabel} categoryLabel={categoryLabel} legendBands={legendBands} />
      ) : (
        <p className="empty">No band to map for {windowLabel}: the window needs a contribution scale and at least one contract.</p>
      )}
    </section>
  )
}

export function MostImbalancedSection({ countries, categoryLabel }: { countries: DashboardView['mostImbalanced']; categoryLabel: string }) {
  return (
    <section className="card" aria-labelledby="imbalanced-heading">
      <h2 id="imbalanced-heading">Six most imbalanced ({categoryLabel})</h2>
      {countries.length === 0 ? (
        <p className="empty">No coefficient yet.</p>
      ) : (
        <ol>
          {countries.map((country) => (
            <li key={country.countryCode}>
              {country.name} ({country.countryCode}): <PreciseFigure display={country.coefficient} precise={country.coefficientPrecise} /> <BandBadge band={country.band} />
            </li>
          ))}
        </ol>
      )}
      <p className="hint">For Industry Day planning: 25% of country Industry Days should target these states.</p>
    </section>
  )
}

export function VeryPoorlyTrendSection({ trend }: { trend: DashboardView['trend'] }) {
  const target = trend.find((p) => p.target !== null)
  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">Very poorly balanced countries per status year</h2>
      <VeryPoorlyTrendChart points={trend} targetLabel={target ? 'from the policy' : 'none set'} />
      <SortableTable
        caption="Very poorly balanced countries (supplies) per status year, and the target"
        rows={trend}
        rowKey={(p) => String(p.statusYear)}
        columns={[
          { header: 'Status year', rowHeader: true, cell: (p) => p.statusYear },
          { header: 'Window', cell: (p) => p.window },
          { header: 'Very poorly balanced', numeric: true, cell: (p) => p.veryPoorlyCount ?? '—' },
          { header: 'Target', numeric: true, cell: (p) => p.target ?? '' },
        ]}
      />
    </section>
  )
}
