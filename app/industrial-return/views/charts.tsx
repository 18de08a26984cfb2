/**
 * Server-rendered SVG charts of the industrial return (readable without JavaScript). Each chart is a figure
 * with a caption; the tables beside them carry the same figures for screen readers and printing.
 */
import { scaleBand, scaleLinear } from 'd3-scale'
import type { Band } from '../arithmetic/bands.ts'
import { BAND_LABELS } from './filing-time.ts'
import type { CountryRowView } from './dashboard-view.ts'
import type { TrendPoint } from './very-poorly-trend.ts'

export const BAND_COLOURS: Record<Band, string> = { VERY_POORLY: '#a4161a', POORLY: '#d08c00', WELL: '#1b6e3a' }
const NO_BAND = '#b8bec9'

export function CoefficientChart({ rows, thresholds, windowLabel, categoryLabel }: { rows: CountryRowView[]; thresholds: { band: Band; below: number; label: string }[]; windowLabel: string; categoryLabel: string }) {
  const bars = rows.filter((row) => row.coefficientValue !== null).sort((a, b) => (a.coefficientValue ?? 0) - (b.coefficientValue ?? 0) || a.countryCode.localeCompare(b.countryCode))
  if (bars.length === 0) return <p className="empty">No coefficient to chart for {windowLabel}: the window needs a contribution scale and at least one contract.</p>
  const cap = Math.max(2, ...thresholds.map((t) => t.below * 1.5))
  const maxValue = Math.min(cap, Math.max(...bars.map((b) => b.coefficientValue ?? 0), 1.2))
  const width = 640
  const rowHeight = 18
  const margin = { top: 24, right: 48, bottom: 28, left: 120 }
  const height = margin.top + margin.bottom + bars.length * rowHeight
  const x = scaleLinear().domain([0, maxValue]).range([margin.left, width - margin.right]).nice()
  const y = scaleBand<string>().domain(bars.map((b) => b.countryCode)).range([margin.top, height - margin.bottom]).padding(0.2)
  const titleId = `coefficient-chart-title`
  return (
    <figure className="return-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} width="100%">
        <title id={titleId}>
          Return coefficients for {categoryLabel}, {windowLabel}, lowest first; band lines at {thresholds.map((t) => t.label).join(' and ')}.
        </title>
        {x.ticks(5).map((tick) => (
          <g key={tick} transform={`translate(${x(tick)},0)`}>
            <line y1={margin.top} y2={height - margin.bottom} stroke="#e6e9ef" />
            <text y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#5b6475">
              {tick.toFixed(1)}
            </text>
          </g>
        ))}
        {bars.map((bar) => {
          const value = bar.coefficientValue ?? 0
          const clipped = value > maxValue
          return (
            <g key={bar.countryCode}>
              <text x={margin.left - 6} y={(y(bar.countryCode) ?? 0) + y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize="11">
                {bar.name}
              </text>
              <rect x={x(0)} y={y(bar.countryCode)} width={Math.max(1, x(Math.min(value, maxValue)) - x(0))} height={y.bandwidth()} fill={bar.band ? BAND_COLOURS[bar.band] : NO_BAND}>
                <title>{`${bar.name}: ${bar.coefficientPrecise} (${bar.band ? BAND_LABELS[bar.band] : 'no band'})`}</title>
              </rect>
              <text x={x(Math.min(value, maxValue)) + 4} y={(y(bar.countryCode) ?? 0) + y.bandwidth() / 2} dy="0.35em" fontSize="10" fill="#1d2433">
                {bar.coefficient}
                {clipped ? ' ▸' : ''}
              </text>
            </g>
          )
        })}
        {thresholds.map((threshold) => (
          <g key={threshold.label} transform={`translate(${x(threshold.below)},0)`}>
            <line y1={margin.top - 6} y2={height - margin.bottom} stroke="#1d2433" strokeDasharray="4 3" />
            <text y={margin.top - 10} textAnchor="middle" fontSize="11" fontWeight="600">
              {threshold.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        Coefficients for {categoryLabel}, {windowLabel}, lowest first. Dashed lines: band thresholds ({thresholds.map((t) => `${BAND_LABELS[t.band]} below ${t.label}`).join('; ')}). Bars longer than the
        chart end in ▸. The table above gives every figure.
      </figcaption>
    </figure>
  )
}

export function VeryPoorlyTrendChart({ points, targetLabel }: { points: TrendPoint[]; targetLabel: string }) {
  const known = points.filter((p) => p.veryPoorlyCount !== null || p.target !== null)
  if (known.length === 0) return <p className="empty">No status year can be computed yet: enter contribution scales and contracts.</p>
  const width = 640
  const height = 240
  const margin = { top: 16, right: 16, bottom: 40, left: 36 }
  const maxCount = Math.max(6, ...points.map((p) => Math.max(p.veryPoorlyCount ?? 0, p.target ?? 0)))
  const x = scaleBand<number>().domain(points.map((p) => p.statusYear)).range([margin.left, width - margin.right]).padding(0.25)
  const y = scaleLinear().domain([0, maxCount]).range([height - margin.bottom, margin.top]).nice()
  const targets = points.filter((p) => p.target !== null)
  const centre = (year: number) => (x(year) ?? 0) + x.bandwidth() / 2
  return (
    <figure className="return-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="trend-chart-title" width="100%">
        <title id="trend-chart-title">Number of very poorly balanced countries for supplies per status year, against the target ({targetLabel}).</title>
        {y.ticks(Math.min(maxCount, 6)).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x1={margin.left} x2={width - margin.right} stroke="#e6e9ef" />
            <text x={margin.left - 6} dy="0.35em" textAnchor="end" fontSize="11" fill="#5b6475">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <g key={p.statusYear}>
            {p.veryPoorlyCount !== null ? (
              <>
                <rect x={x(p.statusYear)} y={y(p.veryPoorlyCount)} width={x.bandwidth()} height={y(0) - y(p.veryPoorlyCount)} fill={BAND_COLOURS.VERY_POORLY} opacity={0.85}>
                  <title>
                    Status year {p.statusYear} (window {p.window}): {p.veryPoorlyCount} very poorly balanced
                  </title>
                </rect>
                <text x={centre(p.statusYear)} y={y(p.veryPoorlyCount) - 4} textAnchor="middle" fontSize="11">
                  {p.veryPoorlyCount}
                </text>
              </>
            ) : null}
            <text x={centre(p.statusYear)} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#5b6475">
              {p.statusYear}
            </text>
          </g>
        ))}
        {targets.length > 1 ? (
          <polyline
            points={targets.map((p) => `${centre(p.statusYear)},${y(p.target ?? 0)}`).join(' ')}
            fill="none"
            stroke="#0b3d91"
            strokeWidth="2"
            strokeDasharray="6 4"
          />
        ) : null}
        {targets.map((p) => (
          <g key={`target-${p.statusYear}`}>
            <circle cx={centre(p.statusYear)} cy={y(p.target ?? 0)} r="5" fill="#0b3d91" />
            <text x={centre(p.statusYear) + 8} y={y(p.target ?? 0) - 8} fontSize="11" fill="#0b3d91" fontWeight="600">
              target {p.target}
            </text>
          </g>
        ))}
        <text x={width / 2} y={height - 6} textAnchor="middle" fontSize="11" fill="#5b6475">
          Status year (1 March – end of February)
        </text>
      </svg>
      <figcaption className="hint">
        Bars: very poorly balanced countries (supplies) per status year, each over its previous four calendar years. Blue points: the target ({targetLabel}); the dashed line between them only
        joins the two.
      </figcaption>
    </figure>
  )
}
