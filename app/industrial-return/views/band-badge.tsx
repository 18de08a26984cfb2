import { useTranslation } from 'react-i18next'
import type { Band } from '../arithmetic/bands.ts'
import { bandName } from './format.ts'

const BADGE_CLASS: Record<Band, string> = { VERY_POORLY: 'danger', POORLY: 'warn', WELL: 'ok' }

/** A band in words (never colour alone), in the reader's language. */
export function BandBadge({ band }: { band: Band | null }) {
  const { t } = useTranslation('industrial-return')
  if (!band) return <span className="badge">{t('band.none')}</span>
  return <span className={`badge ${BADGE_CLASS[band]}`}>{bandName(t, band)}</span>
}
