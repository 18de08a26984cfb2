import type { Band } from '../arithmetic/bands.ts'
import { BAND_LABELS } from './filing-time.ts'

const BADGE_CLASS: Record<Band, string> = { VERY_POORLY: 'danger', POORLY: 'warn', WELL: 'ok' }

/** A band in words (never colour alone). */
export function BandBadge({ band }: { band: Band | null }) {
  if (!band) return <span className="badge">no coefficient</span>
  return <span className={`badge ${BADGE_CLASS[band]}`}>{BAND_LABELS[band]}</span>
}
