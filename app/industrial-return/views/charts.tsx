/**
 * Server-rendered SVG charts of the industrial return (readable without JavaScript). Each chart is a figure
 * with a caption; the tables beside them carry the same figures for screen readers and printing.
 */
import { scaleBand, scaleLinear } from 'd3-scale'
import { useTranslation } from 'react-i18next'
import type { Band, Category } from '../arithmetic/bands.ts'
import { bandName, categoryName } from './format.ts'
import type { CountryRowView } from './dashboard-view.ts'
import type { TrendPoint } from './very-poorly-trend.ts'

export const BAND_COLOURS: Record<Band, string> = { VERY_POORLY: '#a4161a', POORLY: '#d08c00', WELL: '#1b6e3a' }
const NO_BAND = '#b8bec9'

export function CoefficientChart({ rows, thresholds, windowLabel, category }: { rows: CountryRowView[]; thresholds: { band: Band; below: number; label: string }[]; windowLabel: string; category: Category }) {
  const { t } = useTranslation('industrial-return')
  const categoryLabel = categoryName(t, category)
  const bars = rows.filter((row) => row.coefficientValue !== null).sort((a, b) => (a.coefficientValue ?? 0) - (b.coefficientValue ?? 0) || a.countryCode.localeCompare(b.countryCode))
  if (bars.length === 0) return <p className="empty">{t('chart.empty', { window: windowLabel })}</p>
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
        <title id={titleId}>{t('chart.title', { category: categoryLabel, window: windowLabel, lines: thresholds.map((line) => line.label).join(t('list.and')) })}</title>
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
                <title>{t('chart.bar', { country: bar.name, coefficient: bar.coefficientPrecise, band: bar.band ? bandName(t, bar.band) : t('band.noBand') })}</title>
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
        {t('chart.caption', {
          category: categoryLabel,
          window: windowLabel,
          lines: thresholds.map((line) => t('chart.bandBelow', { band: bandName(t, line.band), line: line.label })).join('; '),
        })}
      </figcaption>
    </figure>
  )
}

export function VeryPoorlyTrendChart({ points, targetLabel }: { points: TrendPoint[]; targetLabel: string }) {
  const { t } = useTranslation('industrial-return')
  const known = points.filter((p) => p.veryPoorlyCount !== null || p.target !== null)
  if (known.length === 0) return <p className="empty">{t('trend.empty')}</p>
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
        <title id="trend-chart-title">{t('trend.chartTitle', { target: targetLabel })}</title>
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
                  <title>{t('trend.bar', { statusYear: p.statusYear, window: p.window, count: p.veryPoorlyCount })}</title>
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
              {t('trend.targetPoint', { target: p.target })}
            </text>
          </g>
        ))}
        <text x={width / 2} y={height - 6} textAnchor="middle" fontSize="11" fill="#5b6475">
          {t('trend.axis')}
        </text>
      </svg>
      <figcaption className="hint">{t('trend.chartCaption', { target: targetLabel })}</figcaption>
    </figure>
  )
}
