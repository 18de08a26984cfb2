import { useTranslation } from 'react-i18next'
import type { Band, Category } from '../arithmetic/bands.ts'
import { BAND_COLOURS } from './charts.tsx'
import { bandName, categoryName } from './format.ts'

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
  category,
  legendBands,
}: {
  shapes: { id: string; countryCode: string | null; name: string; d: string }[]
  width: number
  height: number
  bands: Record<string, { band: Band | null; coefficient: string | null; name: string }>
  /** Countries with a coefficient that the map of Europe does not show. */
  outside: { countryCode: string; name: string; band: Band | null; coefficient: string | null }[]
  windowLabel: string
  category: Category
  /** The bands of the category shown, lowest first: services have no "very poorly balanced". */
  legendBands: readonly Band[]
}) {
  const { t } = useTranslation('industrial-return')
  return (
    <figure className="return-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="europe-map-title" width="100%">
        <title id="europe-map-title">{t('map.title', { category: categoryName(t, category), window: windowLabel })}</title>
        <rect width={width} height={height} fill="#f4f8fc" />
        {shapes.map((shape) => {
          const entry = shape.countryCode ? bands[shape.countryCode] : undefined
          const fill = entry ? (entry.band ? BAND_COLOURS[entry.band] : NO_COEFFICIENT) : NO_DATA
          return (
            <path key={shape.id} d={shape.d} fill={fill} stroke="#ffffff" strokeWidth="0.6">
              <title>{entry ? t('map.country', { country: entry.name, band: entry.band ? t('map.bandAndCoefficient', { band: bandName(t, entry.band), coefficient: entry.coefficient }) : t('band.none') }) : shape.name}</title>
            </path>
          )
        })}
      </svg>
      <figcaption className="hint">
        <span className="legend">
          {legendBands.map((band) => (
            <span key={band}>
              <span className="swatch" style={{ background: BAND_COLOURS[band] }} aria-hidden="true" /> {bandName(t, band)}
            </span>
          ))}
          <span>
            <span className="swatch" style={{ background: NO_COEFFICIENT }} aria-hidden="true" /> {t('map.memberWithoutCoefficient')}
          </span>
          <span>
            <span className="swatch" style={{ background: NO_DATA }} aria-hidden="true" /> {t('map.notAMember')}
          </span>
        </span>
        {outside.length ? (
          <> {t('map.notOnThisMap', { countries: outside.map((c) => `${c.name} (${c.band ? `${bandName(t, c.band)}, ${c.coefficient}` : t('band.none')})`).join('; ') })}</>
        ) : null}{' '}
        {t('map.source')}
      </figcaption>
    </figure>
  )
}
