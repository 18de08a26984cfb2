import type { Band } from '../arithmetic/bands.ts'
import { BAND_COLOURS } from './charts.tsx'
import { BAND_LABELS } from './filing-time.ts'

const NO_DATA = '#e6e9ef'
const NO_COEFFICIENT = '#b8bec9'

/** Europe coloured by band; shapes come from `europeShapes()` (server), bands from the dashboard rows. */
export function EuropeMap({
  shapes,
  width,
  height,
  bands,
  outside,
  windowLabel,
  categoryLabel,
  legendBands,
}: {
  shapes: { id: string; countryCode: string | null; name: string; d: string }[]
  width: number
  height: number
  bands: Record<string, { band: Band | null; coefficient: string | null; name: string }>
  /** Countries with a coefficient that the map of Europe does not show. */
  outside: { countryCode: string; name: string; band: Band | null; coefficient: string | null }[]
  windowLabel: string
  categoryLabel: string
  /** The bands of the category shown, lowest first: services have no "very poorly balanced". */
  legendBands: readonly Band[]
}) {
  return (
    <figure className="return-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="europe-map-title" width="100%">
        <title id="europe-map-title">{`Map of Europe coloured by the band of each Member and Associate Member State for ${categoryLabel}, ${windowLabel}.`}</title>
        <rect width={width} height={height} fill="#f4f8fc" />
        {shapes.map((shape) => {
          const entry = shape.countryCode ? bands[shape.countryCode] : undefined
          const fill = entry ? (entry.band ? BAND_COLOURS[entry.band] : NO_COEFFICIENT) : NO_DATA
          return (
            <path key={shape.id} d={shape.d} fill={fill} stroke="#ffffff" strokeWidth="0.6">
              <title>{entry ? `${entry.name}: ${entry.band ? `${BAND_LABELS[entry.band]} (${entry.coefficient})` : 'no coefficient'}` : shape.name}</title>
            </path>
          )
        })}
      </svg>
      <figcaption className="hint">
        <span className="legend">
          {legendBands.map((band) => (
            <span key={band}>
              <span className="swatch" style={{ background: BAND_COLOURS[band] }} aria-hidden="true" /> {BAND_LABELS[band]}
            </span>
          ))}
          <span>
            <span className="swatch" style={{ background: NO_COEFFICIENT }} aria-hidden="true" /> member without coefficient
          </span>
          <span>
            <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" /> not a member
          </span>
        </span>
        {outside.length ? (
          <> Not on this map: {outside.map((c) => `${c.name} (${c.band ? `${BAND_LABELS[c.band]}, ${c.coefficient}` : 'no coefficient'})`).join('; ')}.</>
        ) : null}{' '}
        Bands as in the table above; map data Natural Earth 1:110m.
      </figcaption>
    </figure>
  )
}
